package io.rotation.config.ratelimit.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import io.rotation.config.ratelimit.model.RateLimitDefinition;
import io.rotation.config.ratelimit.model.RateLimitInput;
import io.rotation.config.ratelimit.repository.RateLimitRepository;
import io.rotation.contracts.EventType;
import io.rotation.contracts.config.RateLimitChanged;
import io.rotation.platform.audit.AuditActor;
import io.rotation.platform.audit.AuditEntries;
import io.rotation.platform.event.OutboundEvent;
import io.rotation.platform.outbox.Outbox;
import io.rotation.platform.paging.Page;
import io.rotation.platform.paging.PageRequest;
import io.rotation.platform.problem.ProblemException;
import io.rotation.platform.problem.UniqueViolation;
import io.rotation.platform.ratelimit.RateLimitRules;
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
 * Rate-limit rules administration. A change, its RateLimitChanged event (compacted topic, key = rule
 * id) and its audit entry commit in one transaction; this instance enforces it at once, the others
 * when they read the topic. At start every rule is published again, so that rules written by a
 * migration (the suite's defaults) reach the topic too; the topic keeps only the latest per rule.
 */
@ApplicationScoped
public class RateLimitService {

    private static final Logger LOG = Logger.getLogger(RateLimitService.class);

    private final Pool pool;
    private final RateLimitRepository limits;
    private final Outbox outbox;
    private final RateLimitRules rules;
    private final ObjectMapper json;

    public RateLimitService(Pool pool, RateLimitRepository limits, Outbox outbox, RateLimitRules rules, ObjectMapper json) {
        this.pool = pool;
        this.limits = limits;
        this.outbox = outbox;
        this.rules = rules;
        this.json = json;
    }

    public Uni<Page<RateLimitDefinition>> list(PageRequest page) {
        Long after = page.first() ? null : page.afterPart(0, Long::valueOf);
        return limits.list(after, page.limit() + 1).map(rows -> page.page(rows, r -> List.of(r.id())));
    }

    public Uni<RateLimitDefinition> get(long id) {
        return limits.find(id).map(found -> require(found, id));
    }

    public Uni<RateLimitDefinition> create(long actor, RateLimitInput in) {
        RateLimitDefinition rule = RateLimitValidation.valid(new RateLimitDefinition(0, in.identifierType(),
                in.identifier() == null ? "*" : in.identifier(), in.endpointPattern(),
                in.maxRequests() == null ? 0 : in.maxRequests(), in.windowSeconds() == null ? 0 : in.windowSeconds(),
                in.blockSeconds() == null ? 0 : in.blockSeconds(), in.enabled() == null || in.enabled(),
                in.description(), null, null));
        return pool.withTransaction(c -> limits.insert(c, rule).call(saved -> publish(c, actor, null, saved, "rate_limit_created")))
                .onFailure(UniqueViolation::is).transform(e -> ProblemException.conflict("a rule for "
                        + rule.identifierType() + " " + rule.identifier() + " on " + rule.endpointPattern() + " exists"))
                .invoke(this::enforceHere);
    }

    public Uni<RateLimitDefinition> change(long actor, long id, RateLimitInput in) {
        return pool.withTransaction(c -> limits.findForUpdate(c, id).chain(old -> {
            RateLimitDefinition changed = RateLimitValidation.valid(changed(require(old, id), in));
            return limits.update(c, changed).call(saved -> publish(c, actor, old, saved, "rate_limit_changed"));
        })).onFailure(UniqueViolation::is).transform(e -> ProblemException.conflict(
                "another rule has the same identifier_type, identifier and endpoint_pattern"))
                .invoke(this::enforceHere);
    }

    public Uni<Void> delete(long actor, long id) {
        return pool.withTransaction(c -> limits.findForUpdate(c, id).chain(old -> limits.delete(c, require(old, id).id())
                        .call(() -> publish(c, actor, old, null, "rate_limit_deleted")).replaceWith(old)))
                .invoke(old -> rules.applyOwnWrite(String.valueOf(id), message(old, true)))
                .replaceWithVoid();
    }

    /** Publishes every rule's current state again (the rules a migration wrote have no event of their own). */
    void republish(@Observes StartupEvent started) {
        pool.withTransaction(c -> limits.all(c).call(all -> {
                    all.forEach(this::enforceHere);
                    List<OutboundEvent> events = new ArrayList<>();
                    all.forEach(r -> events.add(OutboundEvent.of(EventType.RATE_LIMIT_CHANGED, String.valueOf(r.id()), changedEvent(r, false))));
                    return events.isEmpty() ? Uni.createFrom().voidItem() : outbox.append(c, events);
                }))
                .subscribe().with(all -> LOG.infof("%d rate-limit rules published", all.size()),
                        e -> LOG.warnf("rate-limit rules not published at start: %s", e.toString()));
    }

    private Uni<Void> publish(SqlConnection c, long actor, RateLimitDefinition old, RateLimitDefinition saved, String action) {
        RateLimitDefinition subject = saved == null ? old : saved;
        return outbox.append(c, List.of(
                OutboundEvent.of(EventType.RATE_LIMIT_CHANGED, String.valueOf(subject.id()), changedEvent(subject, saved == null)),
                AuditEntries.entry(AuditActor.user(actor), action, "rate_limit", subject.id(), audited(old), audited(saved))));
    }

    private void enforceHere(RateLimitDefinition rule) {
        rules.applyOwnWrite(String.valueOf(rule.id()), message(rule, false));
    }

    private byte[] message(RateLimitDefinition rule, boolean deleted) {
        try {
            return json.writeValueAsBytes(changedEvent(rule, deleted));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RateLimitChanged changedEvent(RateLimitDefinition r, boolean deleted) {
        return new RateLimitChanged(r.id(), deleted, r.identifierType(), r.identifier(), r.endpointPattern(),
                r.maxRequests(), r.windowSeconds(), r.blockSeconds(), r.enabled(), Instant.now());
    }

    private static RateLimitDefinition changed(RateLimitDefinition old, RateLimitInput in) {
        return new RateLimitDefinition(old.id(), pick(in.identifierType(), old.identifierType()),
                pick(in.identifier(), old.identifier()), pick(in.endpointPattern(), old.endpointPattern()),
                pick(in.maxRequests(), old.maxRequests()), pick(in.windowSeconds(), old.windowSeconds()),
                pick(in.blockSeconds(), old.blockSeconds()), pick(in.enabled(), old.enabled()),
                pick(in.description(), old.description()), old.createdAt(), old.updatedAt());
    }

    private static <T> T pick(T sent, T old) {
        return sent == null ? old : sent;
    }

    private static RateLimitDefinition require(RateLimitDefinition found, long id) {
        if (found == null) {
            throw ProblemException.notFound("rate-limit rule " + id);
        }
        return found;
    }

    private static Map<String, Object> audited(RateLimitDefinition r) {
        if (r == null) {
            return null;
        }
        Map<String, Object> values = new HashMap<>();
        values.put("identifier_type", r.identifierType());
        values.put("identifier", r.identifier());
        values.put("endpoint_pattern", r.endpointPattern());
        values.put("max_requests", r.maxRequests());
        values.put("window_seconds", r.windowSeconds());
        values.put("block_seconds", r.blockSeconds());
        values.put("enabled", r.enabled());
        return values;
    }
}
