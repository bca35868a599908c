package io.rotation.catalog.store.repository;

import io.rotation.catalog.store.model.Store;
import io.rotation.contracts.identity.StoreChanged;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The {@code stores} projection: written by the StoreChanged consumer, read by inventory and sync. */
@ApplicationScoped
public class StoreRepository {

    /** An event older than the row (redelivered out of order after a rebalance) changes nothing. */
    static final String UPSERT = """
            insert into stores (id, name, slug, discogs_username, status, changed_at)
            select * from unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[])
            on conflict (id) do update set name = excluded.name, slug = excluded.slug,
                discogs_username = excluded.discogs_username, status = excluded.status,
                changed_at = excluded.changed_at
            where stores.changed_at <= excluded.changed_at""";

    private final Pool pool;

    public StoreRepository(Pool pool) {
        this.pool = pool;
    }

    /** Applies the newest state of each store among {@code changes} on the consumer's transaction. */
    public Uni<Void> apply(SqlConnection connection, Collection<StoreChanged> changes) {
        List<StoreChanged> latest = changes.stream()
                .collect(Collectors.toMap(StoreChanged::storeId, Function.identity(),
                        (a, b) -> a.changedAt().isAfter(b.changedAt()) ? a : b))
                .values().stream().sorted(Comparator.comparingLong(StoreChanged::storeId)).toList();
        if (latest.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = latest.size();
        Long[] ids = new Long[n];
        String[] names = new String[n];
        String[] slugs = new String[n];
        String[] usernames = new String[n];
        String[] statuses = new String[n];
        OffsetDateTime[] times = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            StoreChanged c = latest.get(i);
            ids[i] = c.storeId();
            names[i] = c.name();
            slugs[i] = c.slug();
            usernames[i] = blankToNull(c.discogsUsername());
            statuses[i] = c.status();
            times[i] = c.changedAt().atOffset(ZoneOffset.UTC);
        }
        return connection.preparedQuery(UPSERT)
                .execute(Tuple.tuple(List.of(ids, names, slugs, usernames, statuses, times))).replaceWithVoid();
    }

    /** The store, or null when catalog has not heard of it. */
    public Uni<Store> find(long id) {
        return find(pool, id);
    }

    public Uni<Store> find(SqlClient client, long id) {
        return client.preparedQuery("select id, name, slug, discogs_username, status from stores where id = $1")
                .execute(Tuple.of(id))
                .map(rows -> rows.iterator().hasNext() ? of(rows.iterator().next()) : null);
    }

    /** Names of the given stores (those catalog knows). */
    public Uni<Map<Long, String>> names(SqlClient client, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return client.preparedQuery("select id, name from stores where id = any($1)")
                .execute(Tuple.of(ids.toArray(Long[]::new)))
                .map(rows -> {
                    Map<Long, String> names = new java.util.HashMap<>();
                    rows.forEach(r -> names.put(r.getLong("id"), r.getString("name")));
                    return names;
                });
    }

    private static Store of(Row r) {
        return new Store(r.getLong("id"), r.getString("name"), r.getString("slug"), r.getString("discogs_username"),
                r.getString("status"));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
