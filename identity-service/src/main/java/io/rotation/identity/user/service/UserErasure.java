package io.rotation.identity.user.service;

import io.rotation.contracts.EventType;
import io.rotation.contracts.audit.AuditEntryRecorded;
import io.rotation.contracts.identity.StoreChanged;
import io.rotation.contracts.identity.StoreManagerChanged;
import io.rotation.contracts.identity.UserErased;
import io.rotation.platform.audit.AuditActor;
import io.rotation.platform.audit.AuditEntries;
import io.rotation.identity.store.model.StoreView;
import io.rotation.platform.event.OutboundEvent;
import io.rotation.platform.outbox.Outbox;
import io.rotation.platform.problem.ProblemException;
import io.rotation.platform.security.RevokedSubjects;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * GDPR erasure in identity: the users row goes, and with it (ON DELETE CASCADE) the user's refresh
 * tokens, Discogs token and store memberships; stores they owned stay, ownerless (SET NULL). One
 * transaction appends UserErased (for every other service to erase what it holds) and the store
 * events those cascades amount to, and an audit entry of what was removed (counts only: the
 * trail must not keep what the erasure removed).
 */
@ApplicationScoped
public class UserErasure {

    private static final Logger LOG = Logger.getLogger(UserErasure.class);

    private final Pool pool;
    private final Outbox outbox;
    private final RevokedSubjects revoked;
    private final Duration accessTokenTtl;

    public UserErasure(Pool pool, Outbox outbox, RevokedSubjects revoked,
                       @ConfigProperty(name = "rotation.jwt.access-token-ttl") Duration accessTokenTtl) {
        this.pool = pool;
        this.outbox = outbox;
        this.revoked = revoked;
        this.accessTokenTtl = accessTokenTtl;
    }

    /** Erases the user; {@code byAdmin} says whether an admin rather than the user asked (audited). */
    public Uni<Void> erase(long userId, boolean byAdmin) {
        Instant now = Instant.now();
        return pool.withTransaction(c -> held(c, userId).chain(held -> memberships(c, userId).chain(memberships -> c.preparedQuery(
                                "select id from stores where owner_user_id = $1").execute(Tuple.of(userId))
                        .map(rows -> {
                            List<Long> owned = new ArrayList<>();
                            rows.forEach(r -> owned.add(r.getLong("id")));
                            return owned;
                        })
                        .chain(owned -> c.preparedQuery("delete from users where id = $1 returning id")
                                .execute(Tuple.of(userId))
                                .chain(deleted -> {
                                    if (deleted.size() == 0) {
                                        throw ProblemException.notFound("user");
                                    }
                                    return stores(c, owned);
                                })
                                .chain(stores -> {
                                    List<OutboundEvent> events = new ArrayList<>();
                                    for (Object[] m : memberships) {
                                        events.add(OutboundEvent.of(EventType.STORE_MANAGER_CHANGED, m[0],
                                                new StoreManagerChanged((Long) m[0], userId, "removed", (String) m[1], now)));
                                    }
                                    for (StoreView s : stores) {
                                        events.add(OutboundEvent.of(EventType.STORE_CHANGED, s.id(), new StoreChanged(
                                                s.id(), "updated", s.name(), s.slug(), s.discogsUsername(),
                                                s.status().name(), s.ownerUserId(), now, s.version())));
                                    }
                                    events.add(OutboundEvent.of(EventType.USER_ERASED, userId, new UserErased(userId, now)));
                                    events.add(audit(userId, byAdmin, held, memberships.size(), stores.size()));
                                    return outbox.append(c, events);
                                })))))
                // after the commit: every service refuses the account's access tokens until they expire
                .call(() -> revoked.revoke(userId, accessTokenTtl)
                        .onFailure().invoke(e -> LOG.warnf("user %d erased, but its tokens stay valid until they "
                                + "expire: %s", userId, e.toString()))
                        .onFailure().recoverWithNull());
    }

    private static OutboundEvent audit(long userId, boolean byAdmin, Map<String, Object> held, int memberships,
                                       int ownedStores) {
        Map<String, Object> done = new LinkedHashMap<>();
        done.put("user_rows_deleted", 1);
        done.putAll(held);
        done.put("store_memberships_removed", memberships);
        done.put("owned_stores_left_without_owner", ownedStores);
        done.put("requested_by", byAdmin ? "admin" : "self");
        // user_id is the erased user (whoever asked): the trail says whose data went
        return AuditEntries.entry(AuditActor.user(userId), AuditEntryRecorded.ACTION_USER_DATA_ERASED, "user", userId,
                null, done);
    }

    /** How many of the rows the cascade removes the user has (counted before the delete). */
    private static Uni<Map<String, Object>> held(SqlConnection c, long userId) {
        return c.preparedQuery("""
                        select (select count(*) from refresh_tokens where user_id = $1) as refresh_tokens_deleted,
                               (select count(*) from discogs_tokens where user_id = $1) as discogs_tokens_deleted""")
                .execute(Tuple.of(userId))
                .map(rows -> {
                    Row r = rows.iterator().next();
                    Map<String, Object> held = new LinkedHashMap<>();
                    held.put("refresh_tokens_deleted", r.getLong("refresh_tokens_deleted"));
                    held.put("discogs_tokens_deleted", r.getLong("discogs_tokens_deleted"));
                    return held;
                });
    }

    private static Uni<List<Object[]>> memberships(SqlConnection c, long userId) {
        return c.preparedQuery("select store_id, role from store_managers where user_id = $1 order by store_id")
                .execute(Tuple.of(userId))
                .map(rows -> {
                    List<Object[]> list = new ArrayList<>();
                    for (Row r : rows) {
                        list.add(new Object[] {r.getLong("store_id"), r.getString("role")});
                    }
                    return list;
                });
    }

    private static Uni<List<StoreView>> stores(SqlConnection c, List<Long> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return c.preparedQuery("select " + StoreView.COLUMNS + " from stores where id = any($1) order by id")
                .execute(Tuple.of(ids.toArray(new Long[0])))
                .map(rows -> {
                    List<StoreView> list = new ArrayList<>();
                    rows.forEach(r -> list.add(StoreView.of(r)));
                    return list;
                });
    }
}
