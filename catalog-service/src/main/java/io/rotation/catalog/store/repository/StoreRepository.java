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

    /**
     * An event of a lower version than the row (redelivered out of order after a rebalance) changes
     * nothing. The version is identity's database's, so no node's clock decides; an event from before
     * versions existed only overwrites a row that has none either, and then by changed_at.
     */
    static final String UPSERT = """
            insert into stores (id, name, slug, discogs_username, status, changed_at, version)
            select * from unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[],
                                 $7::bigint[])
            on conflict (id) do update set name = excluded.name, slug = excluded.slug,
                discogs_username = excluded.discogs_username, status = excluded.status,
                changed_at = excluded.changed_at, version = excluded.version
            where case when excluded.version is not null then stores.version is null or stores.version <= excluded.version
                       else stores.version is null and stores.changed_at <= excluded.changed_at end""";

    /** Of two changes of one store, the newer: by identity's version where both have one. */
    static final Comparator<StoreChanged> NEWER = Comparator
            .comparing(StoreChanged::version, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(StoreChanged::changedAt);

    private final Pool pool;

    public StoreRepository(Pool pool) {
        this.pool = pool;
    }

    /** Applies the newest state of each store among {@code changes} on the consumer's transaction. */
    public Uni<Void> apply(SqlConnection connection, Collection<StoreChanged> changes) {
        List<StoreChanged> latest = changes.stream()
                .collect(Collectors.toMap(StoreChanged::storeId, Function.identity(),
                        (a, b) -> NEWER.compare(a, b) >= 0 ? a : b))
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
        Long[] versions = new Long[n];
        for (int i = 0; i < n; i++) {
            StoreChanged c = latest.get(i);
            ids[i] = c.storeId();
            names[i] = c.name();
            slugs[i] = c.slug();
            usernames[i] = blankToNull(c.discogsUsername());
            statuses[i] = c.status();
            times[i] = c.changedAt().atOffset(ZoneOffset.UTC);
            versions[i] = c.version();
        }
        return connection.preparedQuery(UPSERT)
                .execute(Tuple.tuple(List.of(ids, names, slugs, usernames, statuses, times, versions))).replaceWithVoid();
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
