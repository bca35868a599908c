package io.rotation.platform.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.rotation.platform.testsupport.ScratchSchema;
import io.vertx.mutiny.sqlclient.Pool;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The database statistics of a scratch schema in the real local Postgres, sampled as the schedule does. */
class DatabaseStatisticsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private ScratchSchema schema;
    private Pool pool;
    private DatabaseStatistics statistics;

    @BeforeEach
    void open() {
        schema = new ScratchSchema();
        schema.execute("create table shelf (id bigint primary key, artist text not null, year int)");
        schema.execute("create index shelf_artist_idx on shelf (artist)");
        schema.execute("create index shelf_year_idx on shelf (year)");
        schema.execute("insert into shelf select g, 'artist ' || g, 1950 + g % 70 from generate_series(1, 2000) g");
        pool = schema.pool(2);
        statistics = new DatabaseStatistics(new StatisticsRepository(pool), registry);
    }

    @AfterEach
    void close() {
        schema.close();
    }

    @Test
    void aQueryThroughAnIndexCountsAsAScanOfThatIndexAtTheNextSampleAndItIsNoLongerUnused() {
        sample();
        assertThat(scans("shelf_artist_idx")).isZero();
        double unusedBefore = unused();
        assertThat(unusedBefore).as("at least shelf_artist_idx and shelf_year_idx").isGreaterThanOrEqualTo(2);

        pool.withConnection(c -> c.query("set enable_seqscan = off").execute()
                        .chain(() -> c.query("select id from shelf where artist = 'artist 42'").execute())
                        .chain(() -> c.query("select pg_stat_force_next_flush()").execute()))
                .await().atMost(Duration.ofSeconds(10));

        // a backend hands its statistics to the server when it goes idle
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            sample();
            assertThat(scans("shelf_artist_idx")).isGreaterThanOrEqualTo(1);
        });
        assertThat(scans("shelf_year_idx")).isZero();
        assertThat(unused()).isEqualTo(unusedBefore - 1);
    }

    @Test
    void aUniqueIndexNeverScannedIsNotCountedAsUnused() {
        sample();
        double unused = unused();
        schema.execute("create unique index shelf_artist_year_key on shelf (artist, year)");
        schema.execute("create index shelf_artist_year_idx on shelf (year, artist)");

        sample();

        assertThat(scans("shelf_artist_year_key")).isZero();
        assertThat(unused()).as("only the non-unique one").isEqualTo(unused + 1);
    }

    @Test
    void thePartitionsIndexesCountAsTheirPartitionedTablesIndex() {
        schema.execute("create table spins (id bigint, at date not null) partition by range (at)");
        schema.execute("create table spins_2026 partition of spins for values from ('2026-01-01') to ('2027-01-01')");
        schema.execute("create table spins_2027 partition of spins for values from ('2027-01-01') to ('2028-01-01')");
        schema.execute("create index spins_id_idx on spins (id)");
        schema.execute("insert into spins select g, date '2026-06-01' + g from generate_series(1, 500) g");

        pool.withConnection(c -> c.query("set enable_seqscan = off").execute()
                        .chain(() -> c.query("select at from spins where id = 7").execute())
                        .chain(() -> c.query("select pg_stat_force_next_flush()").execute()))
                .await().atMost(Duration.ofSeconds(10));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            sample();
            assertThat(registry.get(DatabaseStatistics.INDEX_SCANS).tag("table", "spins").tag("index", "spins_id_idx")
                    .functionCounter().count()).isGreaterThanOrEqualTo(1);
        });
        assertThat(registry.find(DatabaseStatistics.INDEX_SCANS).tag("table", "spins_2026").meters())
                .as("no series per partition").isEmpty();
    }

    @Test
    void theBufferCacheHitRatioCountsTheSchemasBlocks() {
        pool.query("select count(*) from shelf").execute().await().atMost(Duration.ofSeconds(10));

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            sample();
            assertThat(blocks("hit") + blocks("read")).isPositive();
        });
        double ratio = registry.get(DatabaseStatistics.BUFFER_HIT_RATIO).gauge().value();
        assertThat(ratio).isBetween(0.0, 1.0).isEqualTo(blocks("hit") / (blocks("hit") + blocks("read")));
    }

    @Test
    void withoutPgStatStatementsTheStatementMetersAreAbsentAndTheSampleStillSucceeds() {
        boolean available = !schema.rows("""
                select 1 from pg_extension e, pg_settings s
                where e.extname = 'pg_stat_statements' and s.name = 'shared_preload_libraries'
                  and s.setting like '%pg_stat_statements%'""").isEmpty();

        sample();

        assertThat(registry.find(DatabaseStatistics.STATEMENT_CALLS).meters()).hasSize(available ? 1 : 0);
        assertThat(registry.find(DatabaseStatistics.INDEX_SCANS).meters()).isNotEmpty();
    }

    private double unused() {
        return registry.get(DatabaseStatistics.UNUSED_INDEXES).gauge().value();
    }

    private void sample() {
        statistics.sample().await().atMost(Duration.ofSeconds(10));
    }

    private double scans(String index) {
        return registry.get(DatabaseStatistics.INDEX_SCANS).tag("table", "shelf").tag("index", index)
                .functionCounter().count();
    }

    private double blocks(String result) {
        FunctionCounter counter = registry.get(DatabaseStatistics.BUFFER_BLOCKS).tag("result", result).functionCounter();
        return counter.count();
    }
}
