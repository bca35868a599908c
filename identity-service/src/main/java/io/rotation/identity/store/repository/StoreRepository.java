package io.rotation.identity.store.repository;

import io.rotation.identity.store.model.ManagerView;
import io.rotation.identity.store.model.NewStore;
import io.rotation.identity.store.model.Store;
import io.rotation.identity.store.model.StoreStatus;
import io.rotation.identity.store.model.StoreUpdate;
import io.rotation.identity.store.model.StoreView;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * stores and store_managers: writes on the caller's transaction (with their events), the public
 * listing through Hibernate Reactive.
 */
@ApplicationScoped
public class StoreRepository {

    private final Mutiny.SessionFactory sessions;
    private final Pool pool;

    public StoreRepository(Mutiny.SessionFactory sessions, Pool pool) {
        this.sessions = sessions;
        this.pool = pool;
    }

    /** A store and the caller's role in it (owner, manager, staff or null). */
    public record Access(StoreView store, String callerRole) {
    }

    public Uni<StoreView> insert(SqlConnection c, long ownerId, NewStore s) {
        return c.preparedQuery("""
                        insert into stores (name, slug, discogs_username, description, email, phone, website_url,
                                            logo_url, banner_url, address_line1, address_line2, city, region,
                                            postal_code, country_code, latitude, longitude, currency, owner_user_id,
                                            status)
                        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17,
                                coalesce($18, 'USD'), $19, 'pending')
                        returning\s""" + StoreView.COLUMNS)
                .execute(Tuple.from(new Object[] {s.name().trim(), s.slug(), s.discogsUsername(), s.description(),
                        s.email(), s.phone(), s.websiteUrl(), s.logoUrl(), s.bannerUrl(), s.addressLine1(),
                        s.addressLine2(), s.city(), s.region(), s.postalCode(), s.countryCode(), s.latitude(),
                        s.longitude(), s.currency(), ownerId}))
                .map(rows -> StoreView.of(rows.iterator().next()));
    }

    /** Changes the fields present; "" clears optional text. Null when the store does not exist. */
    public Uni<StoreView> update(SqlConnection c, long storeId, StoreUpdate u) {
        List<String> sets = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        params.add(storeId);
        set(sets, params, "status", u.status() == null ? null : u.status().name(), "$%d::store_status");
        set(sets, params, "name", u.name() == null ? null : u.name().trim(), "$%d");
        set(sets, params, "slug", u.slug(), "$%d");
        set(sets, params, "currency", u.currency(), "$%d");
        set(sets, params, "latitude", u.latitude(), "$%d");
        set(sets, params, "longitude", u.longitude(), "$%d");
        for (Object[] text : new Object[][] {{"discogs_username", u.discogsUsername()}, {"description", u.description()},
                {"email", u.email()}, {"phone", u.phone()}, {"website_url", u.websiteUrl()}, {"logo_url", u.logoUrl()},
                {"banner_url", u.bannerUrl()}, {"address_line1", u.addressLine1()},
                {"address_line2", u.addressLine2()}, {"city", u.city()}, {"region", u.region()},
                {"postal_code", u.postalCode()}, {"country_code", u.countryCode()}}) {
            set(sets, params, (String) text[0], text[1], "nullif($%d, '')");
        }
        if ("".equals(u.discogsUsername())) {
            sets.add("discogs_sync_enabled = false");
        }
        return c.preparedQuery("update stores set " + String.join(", ", sets) + " where id = $1 returning "
                        + StoreView.COLUMNS)
                .execute(Tuple.from(params))
                .map(rows -> rows.size() == 0 ? null : StoreView.of(rows.iterator().next()));
    }

    private static void set(List<String> sets, List<Object> params, String column, Object value, String expression) {
        if (value != null) {
            params.add(value);
            sets.add(column + " = " + String.format(expression, params.size()));
        }
    }

    /** The store with the caller's role in it; null when no such store. */
    public Uni<Access> access(long storeId, Long callerId) {
        return pool.preparedQuery("select " + StoreView.COLUMNS
                        + ", (select m.role from store_managers m where m.store_id = stores.id and m.user_id = $2)"
                        + " as caller_role from stores where id = $1")
                .execute(Tuple.of(storeId, callerId))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    Row r = rows.iterator().next();
                    return new Access(StoreView.of(r), r.getString("caller_role"));
                });
    }

    /** Stores by id after a cursor, optionally of one status. */
    public Uni<List<Store>> list(StoreStatus status, Long afterId, int limit) {
        String hql = "from Store where 1 = 1" + (status == null ? "" : " and status = :status")
                + (afterId == null ? "" : " and id > :after") + " order by id";
        return sessions.withSession(s -> {
            var query = s.createSelectionQuery(hql, Store.class).setMaxResults(limit);
            if (status != null) {
                query.setParameter("status", status);
            }
            if (afterId != null) {
                query.setParameter("after", afterId);
            }
            return query.getResultList();
        });
    }

    public Uni<Boolean> userExists(SqlConnection c, long userId) {
        return c.preparedQuery("select 1 from users where id = $1").execute(Tuple.of(userId)).map(rows -> rows.size() > 0);
    }

    /** The user's role in the store, locked for the change that follows; null when none. */
    public Uni<String> managerRole(SqlConnection c, long storeId, long userId) {
        return c.preparedQuery("select role from store_managers where store_id = $1 and user_id = $2 for update")
                .execute(Tuple.of(storeId, userId))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString("role"));
    }

    /** Grants or changes a role; {@code addedBy} is kept only if it names an account. */
    public Uni<ManagerView> upsertManager(SqlConnection c, long storeId, long userId, String role, long addedBy) {
        return c.preparedQuery("""
                        insert into store_managers (store_id, user_id, role, added_by)
                        values ($1, $2, $3, (select id from users where id = $4))
                        on conflict (store_id, user_id) do update set role = excluded.role
                        returning role, added_by, created_at""")
                .execute(Tuple.of(storeId, userId, role, addedBy))
                .map(rows -> {
                    Row r = rows.iterator().next();
                    return new ManagerView(storeId, userId, r.getString("role"), r.getLong("added_by"),
                            r.getOffsetDateTime("created_at").toInstant());
                });
    }

    public Uni<Void> removeManager(SqlConnection c, long storeId, long userId) {
        return c.preparedQuery("delete from store_managers where store_id = $1 and user_id = $2")
                .execute(Tuple.of(storeId, userId)).replaceWithVoid();
    }
}
