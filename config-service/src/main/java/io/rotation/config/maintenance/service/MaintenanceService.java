package io.rotation.config.maintenance.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.rotation.config.maintenance.model.MaintenanceWindowInput;
import io.rotation.config.maintenance.model.MaintenanceWindowView;
import io.rotation.config.maintenance.repository.MaintenanceWindowRepository;
import io.rotation.contracts.EventType;
import io.rotation.contracts.config.MaintenanceAnnounced;
import io.rotation.contracts.config.MaintenanceWindowChanged;
import io.rotation.platform.audit.AuditActor;
import io.rotation.platform.audit.AuditEntries;
import io.rotation.platform.event.OutboundEvent;
import io.rotation.platform.maintenance.MaintenanceSchedule;
import io.rotation.platform.outbox.Outbox;
import io.rotation.platform.paging.Page;
import io.rotation.platform.paging.PageRequest;
import io.rotation.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Maintenance windows. A change, its MaintenanceWindowChanged event (compacted topic, key = window id)
 * and its audit entry commit in one transaction; this instance honours it at once, the others when
 * they read the topic. A window is announced (MaintenanceAnnounced) once, notify_before_minutes
 * before it starts, by whichever replica locks it first.
 */
@ApplicationScoped
public class MaintenanceService {

    private static final Logger LOG = Logger.getLogger(MaintenanceService.class);

    private final Pool pool;
    private final MaintenanceWindowRepository windows;
    private final Outbox outbox;
    private final MaintenanceSchedule schedule;
    private final ObjectMapper json;

    public MaintenanceService(Pool pool, MaintenanceWindowRepository windows, Outbox outbox,
                              MaintenanceSchedule schedule, ObjectMapper json) {
        this.pool = pool;
        this.windows = windows;
        this.outbox = outbox;
        this.schedule = schedule;
        this.json = json;
    }

    public Uni<Page<MaintenanceWindowView>> list(PageRequest page, boolean includePast) {
        Instant afterStart = page.first() ? null : page.afterPart(0, Instant::parse);
        Long afterId = page.first() ? null : page.afterPart(1, Long::valueOf);
        return windows.list(afterStart, afterId, includePast, page.limit() + 1)
                .map(rows -> page.page(rows, w -> List.of(w.startsAt(), w.id())));
    }

    public Uni<MaintenanceWindowView> get(long id) {
        return windows.find(id).map(found -> require(found, id));
    }

    public Uni<MaintenanceWindowView> create(long actor, MaintenanceWindowInput in) {
        MaintenanceWindowView window = MaintenanceValidation.valid(new MaintenanceWindowView(0, in.title(), in.message(),
                in.startsAt(), in.endsAt(), in.affectedServices() == null ? List.of() : in.affectedServices(),
                in.readOnly() == null || in.readOnly(), in.notifyBeforeMinutes() == null ? 60 : in.notifyBeforeMinutes(),
                null, null, actor, null, null));
        return pool.withTransaction(c -> windows.insert(c, window)
                        .call(saved -> publish(c, actor, null, saved, "maintenance_window_created")))
                .invoke(this::honourHere);
    }

    public Uni<MaintenanceWindowView> change(long actor, long id, MaintenanceWindowInput in) {
        return pool.withTransaction(c -> windows.findForUpdate(c, id).chain(old -> {
            MaintenanceWindowView current = require(old, id);
            if (current.cancelledAt() != null) {
                throw ProblemException.conflict("maintenance window " + id + " was cancelled");
            }
            MaintenanceWindowView changed = MaintenanceValidation.valid(changed(current, in));
            return windows.update(c, changed).call(saved -> publish(c, actor, current, saved, "maintenance_window_changed"));
        })).invoke(this::honourHere);
    }

    /** Cancels a window, also one in progress (ending it early); cancelling twice changes nothing. */
    public Uni<MaintenanceWindowView> cancel(long actor, long id) {
        return pool.withTransaction(c -> windows.findForUpdate(c, id).chain(old -> {
            MaintenanceWindowView current = require(old, id);
            if (current.cancelledAt() != null) {
                return Uni.createFrom().item(current);
            }
            return windows.cancel(c, id).call(saved -> publish(c, actor, current, saved, "maintenance_window_cancelled"));
        })).invoke(this::honourHere);
    }

    @Scheduled(every = "${rotation.maintenance.announce-every:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> announceDue() {
        return pool.withTransaction(c -> windows.lockDueAnnouncements(c).call(due -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (MaintenanceWindowView w : due) {
                        chain = chain.call(() -> windows.markAnnounced(c, w.id())).call(() -> outbox.append(c,
                                OutboundEvent.of(EventType.MAINTENANCE_ANNOUNCED, String.valueOf(w.id()),
                                        new MaintenanceAnnounced(w.id(), w.title(), w.message(), w.startsAt(), w.endsAt(),
                                                w.affectedServices(), w.readOnly(), Instant.now()))));
                    }
                    return chain;
                }))
                .invoke(due -> due.forEach(w -> LOG.infof("maintenance window %d announced: %s from %s", w.id(), w.title(), w.startsAt())))
                .onFailure().invoke(e -> LOG.warnf("maintenance announcements not sent: %s", e.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Publishes the windows still to come again (a lost or compacted-away state must not lose one). */
    void republish(@Observes StartupEvent started) {
        pool.withTransaction(c -> windows.current(c).call(current -> {
                    current.forEach(this::honourHere);
                    List<OutboundEvent> events = new ArrayList<>();
                    current.forEach(w -> events.add(OutboundEvent.of(EventType.MAINTENANCE_WINDOW_CHANGED,
                            String.valueOf(w.id()), changedEvent(w))));
                    return events.isEmpty() ? Uni.createFrom().voidItem() : outbox.append(c, events);
                }))
                .subscribe().with(current -> LOG.infof("%d maintenance windows published", current.size()),
                        e -> LOG.warnf("maintenance windows not published at start: %s", e.toString()));
    }

    private Uni<Void> publish(SqlConnection c, long actor, MaintenanceWindowView old, MaintenanceWindowView saved, String action) {
        return outbox.append(c, List.of(
                OutboundEvent.of(EventType.MAINTENANCE_WINDOW_CHANGED, String.valueOf(saved.id()), changedEvent(saved)),
                AuditEntries.entry(AuditActor.user(actor), action, "maintenance_window", saved.id(), audited(old), audited(saved))));
    }

    private void honourHere(MaintenanceWindowView w) {
        try {
            schedule.applyOwnWrite(String.valueOf(w.id()), json.writeValueAsBytes(changedEvent(w)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MaintenanceWindowChanged changedEvent(MaintenanceWindowView w) {
        return new MaintenanceWindowChanged(w.id(), w.cancelledAt() != null, w.title(), w.message(), w.startsAt(),
                w.endsAt(), w.affectedServices(), w.readOnly(), w.notifyBeforeMinutes(), Instant.now());
    }

    private static MaintenanceWindowView changed(MaintenanceWindowView old, MaintenanceWindowInput in) {
        return new MaintenanceWindowView(old.id(), pick(in.title(), old.title()), pick(in.message(), old.message()),
                pick(in.startsAt(), old.startsAt()), pick(in.endsAt(), old.endsAt()),
                pick(in.affectedServices(), old.affectedServices()), pick(in.readOnly(), old.readOnly()),
                pick(in.notifyBeforeMinutes(), old.notifyBeforeMinutes()), old.announcedAt(), old.cancelledAt(),
                old.createdBy(), old.createdAt(), old.updatedAt());
    }

    private static <T> T pick(T sent, T old) {
        return sent == null ? old : sent;
    }

    private static MaintenanceWindowView require(MaintenanceWindowView found, long id) {
        if (found == null) {
            throw ProblemException.notFound("maintenance window " + id);
        }
        return found;
    }

    private static Map<String, Object> audited(MaintenanceWindowView w) {
        if (w == null) {
            return null;
        }
        Map<String, Object> values = new HashMap<>();
        values.put("title", w.title());
        values.put("starts_at", w.startsAt().toString());
        values.put("ends_at", w.endsAt().toString());
        values.put("affected_services", w.affectedServices());
        values.put("read_only", w.readOnly());
        values.put("cancelled", w.cancelledAt() != null);
        return values;
    }
}
