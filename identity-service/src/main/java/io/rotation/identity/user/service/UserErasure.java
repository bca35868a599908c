package io.rotation.identity.user.service;

import io.rotation.contracts.EventType;
import io.rotation.contracts.identity.StoreChanged;
import io.rotation.contracts.identity.StoreManagerChanged;
import io.rotation.contracts.identity.UserErased;
import io.rotation.identity.store.model.StoreView;
import io.rotation.platform.event.OutboundEvent;
import io.rotation.platform.outbox.Outbox;
import io.rotation.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * GDPR erasure in identity: the users row goes, and with it (ON DELETE CASCADE) the user's refresh
 * tokens, Discogs token and store memberships; stores they owned stay, ownerless (SET NULL). One
 * transaction appends UserErased (for every other service to erase what it holds) and the store
 * events those cascades amount to.
 */
@ApplicationScoped
public class UserErasure {

    private final Pool pool;
    private final Outbox outbox;

    public UserErasure(Pool pool, Outbox outbox) {
        this.pool = pool;
        this.outbox = outbox;
    }

    public Uni<Void> erase(long userId) {
        Instant now = Instant.now();
        return pool.withTransaction(c -> memberships(c, userId).chain(memberships -> c.preparedQuery(
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
                                                s.status().name(), s.ownerUserId(), now)));
                                    }
                                    events.add(OutboundEvent.of(EventType.USER_ERASED, userId, new UserErased(userId, now)));
                                    return outbox.append(c, events);
                                }))));
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
