package io.rotation.config.ratelimit.repository;

import io.rotation.config.ratelimit.model.RateLimitDefinition;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/** rate_limits in SQL: the rules; their window state lives in Redis, where every service counts. */
@ApplicationScoped
public class RateLimitRepository {

    private static final String COLUMNS = """
            id, identifier_type, identifier, endpoint_pattern, max_requests, window_seconds, block_seconds,
            is_enabled, description, created_at, updated_at""";

    private final Pool pool;

    public RateLimitRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<RateLimitDefinition> find(long id) {
        return find(pool, id, false);
    }

    public Uni<RateLimitDefinition> findForUpdate(SqlConnection c, long id) {
        return find(c, id, true);
    }

    /** Rules after the cursor id, by id. */
    public Uni<List<RateLimitDefinition>> list(Long afterId, int limit) {
        return pool.preparedQuery("select " + COLUMNS + " from rate_limits where ($1::bigint is null or id > $1) "
                        + "order by id limit $2")
                .execute(Tuple.of(afterId, limit)).map(RateLimitRepository::definitions);
    }

    public Uni<List<RateLimitDefinition>> all(SqlConnection c) {
        return c.query("select " + COLUMNS + " from rate_limits order by id").execute().map(RateLimitRepository::definitions);
    }

    public Uni<RateLimitDefinition> insert(SqlConnection c, RateLimitDefinition d) {
        return c.preparedQuery("""
                        insert into rate_limits (identifier_type, identifier, endpoint_pattern, max_requests, window_seconds,
                                                 block_seconds, is_enabled, description)
                        values ($1, $2, $3, $4, $5, $6, $7, $8) returning\s""" + COLUMNS)
                .execute(Tuple.from(List.of(d.identifierType(), d.identifier(), d.endpointPattern(), d.maxRequests(),
                        d.windowSeconds(), d.blockSeconds(), d.enabled())).addValue(d.description()))
                .map(rows -> definition(rows.iterator().next()));
    }

    public Uni<RateLimitDefinition> update(SqlConnection c, RateLimitDefinition d) {
        return c.preparedQuery("""
                        update rate_limits set identifier_type = $2, identifier = $3, endpoint_pattern = $4,
                               max_requests = $5, window_seconds = $6, block_seconds = $7, is_enabled = $8, description = $9
                         where id = $1 returning\s""" + COLUMNS)
                .execute(Tuple.from(List.of(d.id(), d.identifierType(), d.identifier(), d.endpointPattern(),
                        d.maxRequests(), d.windowSeconds(), d.blockSeconds(), d.enabled())).addValue(d.description()))
                .map(rows -> definition(rows.iterator().next()));
    }

    public Uni<Void> delete(SqlConnection c, long id) {
        return c.preparedQuery("delete from rate_limits where id = $1").execute(Tuple.of(id)).replaceWithVoid();
    }

    private static Uni<RateLimitDefinition> find(SqlClient c, long id, boolean lock) {
        return c.preparedQuery("select " + COLUMNS + " from rate_limits where id = $1" + (lock ? " for update" : ""))
                .execute(Tuple.of(id)).map(rows -> rows.size() == 0 ? null : definition(rows.iterator().next()));
    }

    private static List<RateLimitDefinition> definitions(Iterable<Row> rows) {
        List<RateLimitDefinition> list = new ArrayList<>();
        rows.forEach(r -> list.add(definition(r)));
        return list;
    }

    private static RateLimitDefinition definition(Row r) {
        return new RateLimitDefinition(r.getLong("id"), r.getString("identifier_type"), r.getString("identifier"),
                r.getString("endpoint_pattern"), r.getInteger("max_requests"), r.getInteger("window_seconds"),
                r.getInteger("block_seconds"), r.getBoolean("is_enabled"), r.getString("description"),
                r.getOffsetDateTime("created_at").toInstant(), r.getOffsetDateTime("updated_at").toInstant());
    }
}
