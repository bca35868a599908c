package io.rotation.config.profile.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rotation.config.profile.model.ProfileInput;
import io.rotation.config.profile.model.ProfileRow;
import io.rotation.config.profile.repository.ProfileRepository;
import io.rotation.config.setting.model.SettingRow;
import io.rotation.config.setting.repository.SettingRepository;
import io.rotation.config.setting.service.SettingEvents;
import io.rotation.contracts.config.SettingChanged;
import io.rotation.platform.audit.AuditActor;
import io.rotation.platform.audit.AuditEntries;
import io.rotation.platform.event.OutboundEvent;
import io.rotation.platform.paging.Page;
import io.rotation.platform.paging.PageRequest;
import io.rotation.platform.problem.ProblemException;
import io.rotation.platform.problem.UniqueViolation;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Config profiles: setting overrides per environment, one active profile per environment (activating one
 * deactivates the other). A change republishes the settings whose overrides it can have moved, in its
 * transaction, so every service sees its environment's values change within a poll.
 */
@ApplicationScoped
public class ProfileService {

    private final Pool pool;
    private final ProfileRepository profiles;
    private final SettingRepository settings;
    private final SettingEvents events;
    private final ObjectMapper json;

    public ProfileService(Pool pool, ProfileRepository profiles, SettingRepository settings, SettingEvents events,
                          ObjectMapper json) {
        this.pool = pool;
        this.profiles = profiles;
        this.settings = settings;
        this.events = events;
        this.json = json;
    }

    public Uni<Page<ProfileRow>> list(PageRequest page) {
        Long after = page.first() ? null : page.afterPart(0, Long::valueOf);
        return profiles.list(after, page.limit() + 1).map(rows -> page.page(rows, p -> List.of(p.id())));
    }

    public Uni<ProfileRow> get(long id) {
        return profiles.find(id).map(found -> require(found, id));
    }

    public Uni<ProfileRow> create(AuditActor actor, ProfileInput in) {
        ProfileRow row = new ProfileRow(0, in.name(), in.environment(), in.description(), overrides(in.settings(), null),
                Boolean.TRUE.equals(in.active()), actor.userId(), actor.userId(), null, null);
        return pool.withTransaction(c -> profiles.active(c).chain(activeBefore -> validated(c, row, in)
                        .chain(() -> activate(c, row, 0))
                        .chain(() -> profiles.insert(c, row))
                        .chain(saved -> republish(c, activeBefore, AuditEntries.entry(actor, "config_profile_created",
                                "config_profile", saved.id(), null, audited(saved))).map(changes -> new Saved(saved, changes)))))
                .onFailure(UniqueViolation::is).transform(e -> ProblemException.conflict("a profile named " + in.name() + " exists"))
                .map(this::committed);
    }

    public Uni<ProfileRow> change(AuditActor actor, long id, ProfileInput in) {
        return pool.withTransaction(c -> profiles.findForUpdate(c, id).chain(found -> {
                    ProfileRow old = require(found, id);
                    ProfileRow changed = new ProfileRow(id, pick(in.name(), old.name()), pick(in.environment(), old.environment()),
                            pick(in.description(), old.description()), overrides(in.settings(), old.settings()),
                            pick(in.active(), old.active()), old.createdBy(), actor.userId(), old.createdAt(), old.updatedAt());
                    return profiles.active(c).chain(activeBefore -> validated(c, changed, in)
                            .chain(() -> activate(c, changed, id))
                            .chain(() -> profiles.update(c, changed))
                            .chain(saved -> republish(c, activeBefore, AuditEntries.entry(actor, "config_profile_changed",
                                    "config_profile", id, audited(old), audited(saved))).map(changes -> new Saved(saved, changes))));
                }))
                .onFailure(UniqueViolation::is).transform(e -> ProblemException.conflict("a profile named " + in.name() + " exists"))
                .map(this::committed);
    }

    public Uni<Void> delete(AuditActor actor, long id) {
        return pool.withTransaction(c -> profiles.findForUpdate(c, id).chain(found -> {
            ProfileRow old = require(found, id);
            return profiles.active(c).chain(activeBefore -> profiles.delete(c, id).chain(() -> republish(c, activeBefore,
                    AuditEntries.entry(actor, "config_profile_deleted", "config_profile", id, audited(old), null))));
        })).invoke(events::applyHere).replaceWithVoid();
    }

    private Uni<Void> validated(SqlConnection c, ProfileRow row, ProfileInput in) {
        return settings.all(c).invoke(all -> {
            Map<String, SettingRow> byKey = new HashMap<>();
            all.forEach(s -> byKey.put(s.key(), s));
            ProfileValidation.valid(row, in.settings(), byKey);
        }).replaceWithVoid();
    }

    /** An active profile takes its environment's place: the one active before is deactivated. */
    private Uni<Void> activate(SqlConnection c, ProfileRow row, long id) {
        return row.active() ? profiles.deactivateOthers(c, row.environment(), id) : Uni.createFrom().voidItem();
    }

    /**
     * Publishes the settings whose effective values the change can have moved: those the active profiles
     * overrode before it or override after it (a profile activated deactivates another), with the audit entry.
     */
    private Uni<List<SettingChanged>> republish(SqlConnection c, List<ProfileRow> activeBefore, OutboundEvent audit) {
        return profiles.active(c).chain(activeAfter -> {
            Set<String> touched = new TreeSet<>();
            activeBefore.forEach(p -> p.settings().fieldNames().forEachRemaining(touched::add));
            activeAfter.forEach(p -> p.settings().fieldNames().forEachRemaining(touched::add));
            return events.ofKeys(c, touched);
        }).call(changes -> events.append(c, changes, List.of(audit)));
    }

    private record Saved(ProfileRow row, List<SettingChanged> changes) {
    }

    private ProfileRow committed(Saved saved) {
        events.applyHere(saved.changes());
        return saved.row();
    }

    /** The overrides sent (a non-object is refused by validation), else the old ones. */
    private ObjectNode overrides(JsonNode sent, ObjectNode old) {
        if (sent != null && sent.isObject()) {
            return (ObjectNode) sent;
        }
        return old == null ? json.createObjectNode() : old;
    }

    private static <T> T pick(T sent, T old) {
        return sent == null ? old : sent;
    }

    private static ProfileRow require(ProfileRow found, long id) {
        if (found == null) {
            throw ProblemException.notFound("config profile " + id);
        }
        return found;
    }

    private static Map<String, Object> audited(ProfileRow p) {
        return AuditEntries.values("name", p.name(), "environment", p.environment(), "active", p.active(),
                "settings", p.settings());
    }
}
