package io.rotation.platform.statistics;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Postgres' cumulative statistics for the connection's own schema ({@code current_schema()}, the
 * service's search path) and, where the server has {@code pg_stat_statements}, for the statements of
 * the connection's own role in this database.
 */
@ApplicationScoped
public class StatisticsRepository {

    /**
     * One index of the schema and how often it was scanned since the statistics were last reset; the indexes
     * of a partitioned table's partitions count as the partitioned table's index (bounded series whatever the
     * number of partitions).
     */
    public record IndexUsage(String table, String index, long scans, boolean unique) {
    }

    /** Blocks of the schema's tables and indexes found in Postgres' buffer cache ({@code hit}) or read. */
    public record BufferBlocks(long hit, long read) {
    }

    /** One normalised statement: calls and total execution time since the statistics were last reset. */
    public record StatementTotals(String query, long calls, double totalMillis) {
    }

    private final Pool pool;

    public StatisticsRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<List<IndexUsage>> indexUsage() {
        return pool.query("""
                select coalesce(pg_partition_root(s.relid), s.relid)::regclass::text,
                       coalesce(pg_partition_root(s.indexrelid), s.indexrelid)::regclass::text,
                       sum(s.idx_scan), bool_and(i.indisunique)
                from pg_stat_user_indexes s join pg_index i on i.indexrelid = s.indexrelid
                where s.schemaname = current_schema()
                group by 1, 2""").execute()
                .map(rows -> {
                    List<IndexUsage> usage = new ArrayList<>();
                    for (Row r : rows) {
                        usage.add(new IndexUsage(r.getString(0), r.getString(1), r.getNumeric(2).longValue(),
                                r.getBoolean(3)));
                    }
                    return usage;
                });
    }

    public Uni<BufferBlocks> bufferBlocks() {
        return pool.query("""
                select coalesce(sum(heap_blks_hit), 0) + coalesce(sum(idx_blks_hit), 0)
                         + coalesce(sum(toast_blks_hit), 0) + coalesce(sum(tidx_blks_hit), 0),
                       coalesce(sum(heap_blks_read), 0) + coalesce(sum(idx_blks_read), 0)
                         + coalesce(sum(toast_blks_read), 0) + coalesce(sum(tidx_blks_read), 0)
                from pg_statio_user_tables where schemaname = current_schema()""").execute()
                .map(rows -> {
                    Row r = rows.iterator().next();
                    return new BufferBlocks(r.getNumeric(0).longValue(), r.getNumeric(1).longValue());
                });
    }

    /** The schema {@code pg_stat_statements} is installed in, in this database; null when it is not. */
    public Uni<String> statementsSchema() {
        return pool.query("select extnamespace::regnamespace::text from pg_extension where extname = 'pg_stat_statements'")
                .execute().map(rows -> rows.size() == 0 ? null : rows.iterator().next().getString(0));
    }

    /**
     * The role's statements in this database from {@code pg_stat_statements} (in {@code extensionSchema}),
     * the most expensive first; fails when the server does not preload the extension.
     */
    public Uni<List<StatementTotals>> statements(String extensionSchema, int limit) {
        return pool.preparedQuery("select query, calls, total_exec_time from " + extensionSchema + """
                .pg_stat_statements
                where userid = current_user::regrole
                  and dbid = (select oid from pg_database where datname = current_database())
                order by total_exec_time desc limit $1""").execute(Tuple.of(limit))
                .map(rows -> {
                    List<StatementTotals> totals = new ArrayList<>();
                    for (Row r : rows) {
                        totals.add(new StatementTotals(r.getString(0), r.getLong(1), r.getDouble(2)));
                    }
                    return totals;
                });
    }
}
