package io.rotation.platform.statistics;

import com.google.common.util.concurrent.AtomicDouble;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.rotation.platform.statistics.StatisticsRepository.BufferBlocks;
import io.rotation.platform.statistics.StatisticsRepository.IndexUsage;
import io.rotation.platform.statistics.StatisticsRepository.StatementTotals;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * The seed's database monitoring as meters of every service, for its own schema only, sampled on a
 * schedule ({@code rotation.database-statistics.every}, 30 s) rather than per scrape:
 * <ul>
 * <li>{@code rotation_db_index_scans_total{table,index}}: scans per index of the schema, and
 * {@code rotation_db_indexes_unused}: its indexes never scanned that enforce no uniqueness (candidates
 * to drop; the figures count since the server's statistics were last reset);</li>
 * <li>{@code rotation_db_buffer_blocks_total{result=hit|read}} and {@code rotation_db_buffer_cache_hit_ratio}:
 * blocks of the schema's tables and indexes found in Postgres' buffer cache or read from disk;</li>
 * <li>{@code rotation_db_statement_calls_total{family}} and {@code rotation_db_statement_seconds_total{family}}:
 * the service role's statements from {@code pg_stat_statements} per {@link StatementFamily}, at most
 * {@value #MAX_FAMILIES} families (the rest under {@code other}). Where the database lacks the extension
 * (or the server does not preload it) these are absent, and one line says so.</li>
 * </ul>
 * The reactive pool's own figures (in use, waiting, time waiting) are Vert.x' {@code sql_pool_*} and
 * {@code postgresql_*} meters ({@code quarkus.datasource.metrics.enabled}).
 */
@ApplicationScoped
public class DatabaseStatistics {

    static final String INDEX_SCANS = "rotation.db.index.scans";
    static final String UNUSED_INDEXES = "rotation.db.indexes.unused";
    static final String BUFFER_BLOCKS = "rotation.db.buffer.blocks";
    static final String BUFFER_HIT_RATIO = "rotation.db.buffer.cache.hit.ratio";
    static final String STATEMENT_CALLS = "rotation.db.statement.calls";
    static final String STATEMENT_SECONDS = "rotation.db.statement.seconds";
    static final int MAX_FAMILIES = 30;
    static final String OTHER = "other";
    private static final int STATEMENTS_READ = 2000;
    private static final Logger LOG = Logger.getLogger(DatabaseStatistics.class);

    private final StatisticsRepository statistics;
    private final MeterRegistry registry;
    private final Map<String, AtomicLong> indexScans = new ConcurrentHashMap<>();
    private final AtomicLong unusedIndexes = new AtomicLong();
    private final AtomicLong blocksHit = new AtomicLong();
    private final AtomicLong blocksRead = new AtomicLong();
    private final Map<String, StatementMeters> families = new ConcurrentHashMap<>();
    private final AtomicBoolean statementsAbsenceLogged = new AtomicBoolean();

    public DatabaseStatistics(StatisticsRepository statistics, MeterRegistry registry) {
        this.statistics = statistics;
        this.registry = registry;
        Gauge.builder(UNUSED_INDEXES, unusedIndexes, AtomicLong::get)
                .description("indexes of the schema never scanned that enforce no uniqueness").register(registry);
        FunctionCounter.builder(BUFFER_BLOCKS, blocksHit, AtomicLong::get).tag("result", "hit")
                .description("blocks of the schema's tables and indexes found in the buffer cache").register(registry);
        FunctionCounter.builder(BUFFER_BLOCKS, blocksRead, AtomicLong::get).tag("result", "read")
                .description("blocks of the schema's tables and indexes read from outside the buffer cache")
                .register(registry);
        Gauge.builder(BUFFER_HIT_RATIO, this, DatabaseStatistics::hitRatio)
                .description("share of the schema's blocks found in the buffer cache, since the statistics reset")
                .register(registry);
    }

    @Scheduled(every = "${rotation.database-statistics.every:30s}", delayed = "${rotation.database-statistics.every:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> sampleOnSchedule() {
        return sample().onFailure().recoverWithItem(e -> {
            LOG.debugf("database statistics not sampled: %s", e.toString());
            return null;
        });
    }

    /** Reads the statistics once and updates the meters. */
    public Uni<Void> sample() {
        return statistics.indexUsage().invoke(this::indexes)
                .chain(statistics::bufferBlocks).invoke(this::buffers)
                .chain(statistics::statementsSchema)
                .chain(schema -> schema == null ? absent("the extension is not installed in this database")
                        : statistics.statements(schema, STATEMENTS_READ).invoke(this::statements).replaceWithVoid()
                                .onFailure().recoverWithUni(e -> absent(e.getMessage())));
    }

    private void indexes(List<IndexUsage> usage) {
        long unused = 0;
        for (IndexUsage index : usage) {
            indexScans.computeIfAbsent(index.table() + "\u0000" + index.index(), key -> {
                AtomicLong scans = new AtomicLong();
                FunctionCounter.builder(INDEX_SCANS, scans, AtomicLong::get).tag("table", index.table())
                        .tag("index", index.index()).description("scans of the index since the statistics reset")
                        .register(registry);
                return scans;
            }).set(index.scans());
            if (index.scans() == 0 && !index.unique()) {
                unused++;
            }
        }
        unusedIndexes.set(unused);
    }

    private void buffers(BufferBlocks blocks) {
        blocksHit.set(blocks.hit());
        blocksRead.set(blocks.read());
    }

    private double hitRatio() {
        long hit = blocksHit.get();
        long all = hit + blocksRead.get();
        return all == 0 ? Double.NaN : (double) hit / all;
    }

    private void statements(List<StatementTotals> totals) {
        Map<String, long[]> calls = new TreeMap<>();
        Map<String, double[]> millis = new TreeMap<>();
        for (StatementTotals statement : totals) {
            String family = StatementFamily.of(statement.query());
            if (!families.containsKey(family) && families.size() >= MAX_FAMILIES - 1) {
                family = OTHER;
            }
            calls.computeIfAbsent(family, f -> new long[1])[0] += statement.calls();
            millis.computeIfAbsent(family, f -> new double[1])[0] += statement.totalMillis();
        }
        calls.forEach((family, count) -> {
            StatementMeters meters = families.computeIfAbsent(family, this::register);
            meters.calls.set(count[0]);
            meters.seconds.set(millis.get(family)[0] / 1000.0);
        });
    }

    private StatementMeters register(String family) {
        StatementMeters meters = new StatementMeters(new AtomicLong(), new AtomicDouble());
        FunctionCounter.builder(STATEMENT_CALLS, meters.calls, AtomicLong::get).tag("family", family)
                .description("calls of the service's statements of this family (pg_stat_statements)").register(registry);
        FunctionCounter.builder(STATEMENT_SECONDS, meters.seconds, AtomicDouble::get).tag("family", family)
                .description("execution time of the service's statements of this family (pg_stat_statements)")
                .register(registry);
        return meters;
    }

    private Uni<Void> absent(String why) {
        if (statementsAbsenceLogged.compareAndSet(false, true)) {
            LOG.infof("pg_stat_statements not available (%s): no rotation_db_statement_* meters; "
                    + "docs/operations.md says how to enable it", why);
        }
        return Uni.createFrom().voidItem();
    }

    private record StatementMeters(AtomicLong calls, AtomicDouble seconds) {
    }
}
