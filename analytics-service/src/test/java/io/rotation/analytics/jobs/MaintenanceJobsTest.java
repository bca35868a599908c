package io.rotation.analytics.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rotation.analytics.jobs.service.MaintenanceJobs;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.TestDatabase;
import io.rotation.platform.testing.TestTokens;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(RotationStack.class)
class MaintenanceJobsTest {

    @Inject
    MaintenanceJobs jobs;

    @Test
    void recountsADayIntoDailyMetricsOnceAndRecordsTheJob() {
        LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(ThreadLocalRandom.current().nextInt(2, 20));
        TestDatabase.update("delete from jobs where idempotency_key = ?", "metrics_aggregation:" + day);
        long user = TestTokens.newUserId();
        long track = TestTokens.newUserId();
        for (int i = 0; i < 3; i++) {
            TestDatabase.update("""
                    insert into usage_metrics (event_id, user_id, event_type, entity_type, entity_id, duration_ms, occurred_at)
                    values (gen_random_uuid(), ?, 'play', 'track', ?, 1000, ?)""",
                    user, track, Timestamp.from(day.atTime(10 + i, 0).toInstant(ZoneOffset.UTC)));
        }

        Optional<Long> job = jobs.aggregateDay(day).await().atMost(Duration.ofSeconds(30));

        assertThat(job).isPresent();
        assertThat(metric(day, "user", user, "plays")).isEqualTo(3);
        assertThat(metric(day, "track", track, "listening_ms")).isEqualTo(3000);
        Map<String, Object> row = TestDatabase.rows("select status::text as status, result::text as result "
                + "from jobs where id = ?", job.get()).get(0);
        assertThat(row.get("status")).isEqualTo("completed");
        assertThat((String) row.get("result")).contains("rows_written");
        assertThat(jobs.aggregateDay(day).await().atMost(Duration.ofSeconds(30)))
                .as("a second replica (or run) for the same day does nothing").isEmpty();
    }

    @Test
    void runsTheRetentionCleanupOncePerDay() {
        LocalDate day = LocalDate.now(ZoneOffset.UTC).plusDays(ThreadLocalRandom.current().nextInt(100, 10_000));
        TestDatabase.update("delete from jobs where idempotency_key = ?", "analytics_cleanup:" + day);

        Optional<Long> first = jobs.cleanUp(day).await().atMost(Duration.ofSeconds(60));
        Optional<Long> second = jobs.cleanUp(day).await().atMost(Duration.ofSeconds(60));

        assertThat(first).isPresent();
        assertThat(second).isEmpty();
        assertThat(TestDatabase.rows("select status::text as status from jobs where id = ?", first.get()).get(0))
                .containsEntry("status", "completed");
    }

    @Test
    void aLaterRunTakesOverAFailedOrKilledRunButLeavesARunningOneAlone() {
        LocalDate failedDay = LocalDate.now(ZoneOffset.UTC).minusDays(ThreadLocalRandom.current().nextInt(30, 300));
        LocalDate killedDay = failedDay.minusDays(1);
        LocalDate runningDay = failedDay.minusDays(2);
        long failed = job("metrics_aggregation:" + failedDay, "failed", 1, "now() - interval '10 minutes'");
        long killed = job("metrics_aggregation:" + killedDay, "running", 1, "now() - interval '3 hours'");
        long running = job("metrics_aggregation:" + runningDay, "running", 1, "now() - interval '5 minutes'");

        assertThat(jobs.aggregateDay(failedDay).await().atMost(Duration.ofSeconds(30))).contains(failed);
        assertThat(jobs.aggregateDay(killedDay).await().atMost(Duration.ofSeconds(30))).contains(killed);
        assertThat(jobs.aggregateDay(runningDay).await().atMost(Duration.ofSeconds(30))).isEmpty();

        for (long taken : List.of(failed, killed)) {
            assertThat(TestDatabase.rows("select status::text as status, attempts, error_message from jobs where id = ?",
                    taken).get(0)).containsEntry("status", "completed").containsEntry("attempts", 2)
                    .containsEntry("error_message", null);
        }
        assertThat(TestDatabase.rows("select status::text as status from jobs where id = ?", running).get(0))
                .containsEntry("status", "running");
    }

    @Test
    void aRunThatFailedMaxAttemptsTimesIsLeftForAnOperator() {
        LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(ThreadLocalRandom.current().nextInt(300, 600));
        long exhausted = job("metrics_aggregation:" + day, "failed", 3, "now() - interval '1 day'");

        assertThat(jobs.aggregateDay(day).await().atMost(Duration.ofSeconds(30))).isEmpty();
        assertThat(TestDatabase.rows("select status::text as status from jobs where id = ?", exhausted).get(0))
                .containsEntry("status", "failed");
    }

    private static long job(String key, String status, int attempts, String startedAt) {
        TestDatabase.update("delete from jobs where idempotency_key = ?", key);
        return TestDatabase.count("insert into jobs (job_type, status, owner_service, idempotency_key, attempts, "
                + "started_at, error_message) values ('metrics_aggregation', ?::job_status, 'analytics-service', ?, ?, "
                + startedAt + ", case when ? = 'failed' then 'boom' end) returning id", status, key, attempts, status);
    }

    private static long metric(LocalDate day, String entityType, long entityId, String name) {
        return TestDatabase.count("""
                select value::bigint from daily_metrics where metric_date = ? and metric_type = 'usage'
                and entity_type = ? and entity_id = ? and metric_name = ?""",
                java.sql.Date.valueOf(day), entityType, entityId, name);
    }
}
