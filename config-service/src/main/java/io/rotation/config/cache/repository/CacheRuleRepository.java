package io.rotation.config.cache.repository;

import io.rotation.config.cache.model.CacheRuleDefinition;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** cache_config in SQL: the Redis rules (cache_layer redis) the services' caches apply. */
@ApplicationScoped
public class CacheRuleRepository {

    private static final String COLUMNS = """
            id, cache_key_pattern, ttl_seconds, max_entries, is_enabled, description, created_at, updated_at""";

    private final Pool pool;

    public CacheRuleRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<CacheRuleDefinition> find(long id) {
        return find(pool, id, false);
    }

    public Uni<CacheRuleDefinition> findForUpdate(SqlConnection c, long id) {
        return find(c, id, true);
    }

    public Uni<List<CacheRuleDefinition>> list(Long afterId, int limit) {
        return pool.preparedQuery("select " + COLUMNS + " from cache_config where ($1::bigint is null or id > $1) "
                        + "order by id limit $2")
                .execute(Tuple.of(afterId, limit)).map(CacheRuleRepository::rules);
    }

    public Uni<List<CacheRuleDefinition>> all(SqlConnection c) {
        return c.query("select " + COLUMNS + " from cache_config order by id").execute().map(CacheRuleRepository::rules);
    }

    public Uni<CacheRuleDefinition> insert(SqlConnection c, CacheRuleDefinition r) {
        return c.preparedQuery("""
                        insert into cache_config (cache_key_pattern, ttl_seconds, max_entries, is_enabled, description)
                        values ($1, $2, $3, $4, $5) returning\s""" + COLUMNS)
                .execute(Tuple.from(new ArrayList<>(Arrays.asList(r.keyPattern(), r.ttlSeconds(), r.maxEntries(),
                        r.enabled(), r.description()))))
                .map(rows -> rule(rows.iterator().next()));
    }

    public Uni<CacheRuleDefinition> update(SqlConnection c, CacheRuleDefinition r) {
        return c.preparedQuery("""
                        update cache_config set cache_key_pattern = $2, ttl_seconds = $3, max_entries = $4, is_enabled = $5,
                               description = $6
                         where id = $1 returning\s""" + COLUMNS)
                .execute(Tuple.from(new ArrayList<>(Arrays.asList(r.id(), r.keyPattern(), r.ttlSeconds(), r.maxEntries(),
                        r.enabled(), r.description()))))
                .map(rows -> rule(rows.iterator().next()));
    }

    public Uni<Void> delete(SqlConnection c, long id) {
        return c.preparedQuery("delete from cache_config where id = $1").execute(Tuple.of(id)).replaceWithVoid();
    }

    private static Uni<CacheRuleDefinition> find(SqlClient c, long id, boolean lock) {
        return c.preparedQuery("select " + COLUMNS + " from cache_config where id = $1" + (lock ? " for update" : ""))
                .execute(Tuple.of(id)).map(rows -> rows.size() == 0 ? null : rule(rows.iterator().next()));
    }

    private static List<CacheRuleDefinition> rules(Iterable<Row> rows) {
        List<CacheRuleDefinition> list = new ArrayList<>();
        rows.forEach(r -> list.add(rule(r)));
        return list;
    }

    private static CacheRuleDefinition rule(Row r) {
        return new CacheRuleDefinition(r.getLong("id"), r.getString("cache_key_pattern"), r.getInteger("ttl_seconds"),
                r.getInteger("max_entries"), r.getBoolean("is_enabled"), r.getString("description"),
                r.getOffsetDateTime("created_at").toInstant(), r.getOffsetDateTime("updated_at").toInstant());
    }
}
