package io.rotation.analytics.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.TestDatabase;
import io.rotation.platform.testing.TestTokens;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** updated_at triggers, delete rules of the foreign keys, and the checks that must hold. */
@QuarkusTest
@WithTestResource(RotationStack.class)
class ConstraintsAndTriggersTest {

    private static final OffsetDateTime LONG_AGO = OffsetDateTime.parse("2000-01-01T00:00:00Z");

    @Test
    void anUpdateMovesUpdatedAtOnEveryTableThatHasIt() {
        long user = TestTokens.newUserId();
        long job = newJob(user, null);
        long similarity = TestDatabase.count("""
                insert into content_similarity (source_type, source_id, target_type, target_id, similarity_type, score,
                                                algorithm) values ('record', ?, 'record', ?, 'audio', 0.9, 'test')
                returning id""", user, user + 1);
        long daily = TestDatabase.count("""
                insert into daily_metrics (metric_date, metric_type, entity_type, entity_id, metric_name, value)
                values (?, 'usage', 'user', ?, 'plays', 1) returning id""", LocalDate.now(ZoneOffset.UTC), user);
        long recommendation = TestDatabase.count("""
                insert into recommendation_data (user_id, entity_type, entity_id, last_interaction_at)
                values (?, 'track', 1, now()) returning id""", user);
        for (String[] t : new String[][] {{"jobs", "priority = 6", String.valueOf(job)},
                {"content_similarity", "score = 0.8", String.valueOf(similarity)},
                {"daily_metrics", "value = 2", String.valueOf(daily)},
                {"recommendation_data", "play_count = 1", String.valueOf(recommendation)}}) {
            // even a writer that sets updated_at itself gets now()
            TestDatabase.update("update " + t[0] + " set " + t[1] + ", updated_at = ? where id = ?", LONG_AGO,
                    Long.parseLong(t[2]));
            assertThat(TestDatabase.count("select count(*) from " + t[0]
                    + " where id = ? and updated_at > now() - interval '1 minute'", Long.parseLong(t[2])))
                    .as("%s.updated_at moved to now", t[0]).isOne();
        }
    }

    @Test
    void deletingAJobDeletesItsLogsAndLeavesItsDependentsWithoutDependency() {
        long user = TestTokens.newUserId();
        long job = newJob(user, null);
        long dependent = newJob(user, job);
        TestDatabase.update("""
                insert into job_logs (job_id, level, message, context) values
                (?, 'info', 'started', '{"step": 1}'::jsonb), (?, 'error', 'failed', '{}'::jsonb)""", job, job);
        // the test's own two: the service's dispatcher may log about the pending job meanwhile
        assertThat(TestDatabase.count("""
                select count(*) from job_logs where job_id = ? and message in ('started', 'failed')""", job))
                .isEqualTo(2);

        TestDatabase.update("delete from jobs where id = ?", job);

        assertThat(TestDatabase.count("select count(*) from job_logs where job_id = ?", job)).isZero();
        assertThat(TestDatabase.rows("select depends_on_job_id from jobs where id = ?", dependent).get(0)
                .get("depends_on_job_id")).isNull();
    }

    @Test
    void aLogOfAMissingJobIsRefused() {
        assertThatThrownBy(() -> TestDatabase.update(
                "insert into job_logs (job_id, message) values (?, 'orphan')", Long.MAX_VALUE))
                .hasStackTraceContaining("fk_job_logs_job_id");
    }

    @Test
    void checksHold() {
        long user = TestTokens.newUserId();
        long job = newJob(user, null);
        refused("ck_jobs_progress_percent", "update jobs set progress_percent = 100.5 where id = ?", job);
        refused("ck_jobs_progress_within_total",
                "update jobs set progress_total = 10, progress_current = 11 where id = ?", job);
        refused("ck_jobs_attempts", "update jobs set attempts = 4, max_attempts = 3 where id = ?", job);
        refused("ck_jobs_not_own_dependency", "update jobs set depends_on_job_id = id where id = ?", job);
        refused("ck_jobs_completed_after_started", """
                update jobs set started_at = now(), completed_at = now() - interval '1 minute' where id = ?""", job);
        TestDatabase.update("update jobs set progress_total = 10, progress_current = 10, progress_percent = 100 "
                + "where id = ?", job);

        String key = "job-" + UUID.randomUUID();
        TestDatabase.update("update jobs set idempotency_key = ? where id = ?", key, job);
        refused("uq_jobs_idempotency_key", """
                insert into jobs (job_type, owner_service, idempotency_key) values ('store_sync', 'catalog-service', ?)""",
                key);

        long source = 7_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000_000L);
        refused("ck_content_similarity_score", """
                insert into content_similarity (source_type, source_id, target_type, target_id, similarity_type, score,
                                                algorithm) values ('track', ?, 'track', ?, 'audio', 1.5, 'test')""",
                source, source + 1);
        refused("ck_content_similarity_not_self", """
                insert into content_similarity (source_type, source_id, target_type, target_id, similarity_type, score,
                                                algorithm) values ('track', ?, 'track', ?, 'audio', 0.5, 'test')""",
                source, source);
        // the same ids of different kinds are not "self"
        TestDatabase.update("""
                insert into content_similarity (source_type, source_id, target_type, target_id, similarity_type, score,
                                                algorithm) values ('track', ?, 'record', ?, 'hybrid', 0.5, 'test')""",
                source, source);
        refused("uq_content_similarity_pair", """
                insert into content_similarity (source_type, source_id, target_type, target_id, similarity_type, score,
                                                algorithm) values ('track', ?, 'record', ?, 'hybrid', 0.7, 'other')""",
                source, source);

        refused("ck_performance_metrics_response_time_ms", """
                insert into performance_metrics (service, endpoint, method, status_code, response_time_ms)
                values ('analytics-service', '/x', 'GET', 200, -1)""");
        refused("ck_audit_logs_actor_type", """
                insert into audit_logs (actor_type, action, entity_type, service) values ('robot', 'x', 'y', 'z')""");
        refused("ck_usage_metrics_duration_ms", """
                insert into usage_metrics (event_id, event_type, duration_ms, occurred_at)
                values (gen_random_uuid(), 'play', -5, now())""");
    }

    private final List<Long> jobs = new ArrayList<>();

    /**
     * The jobs these checks wrote are rows, not work: left pending in the shared database, a live analytics (the
     * system tests' stack) would dispatch them to catalog, which then syncs store 1 with an unreachable Discogs.
     */
    @AfterEach
    void deleteTheJobsWritten() {
        jobs.forEach(id -> TestDatabase.update("delete from jobs where id = ?", id));
    }

    private long newJob(long user, Long dependsOn) {
        long id = TestDatabase.count("""
                insert into jobs (job_type, owner_service, initiated_by, parameters, depends_on_job_id)
                values ('store_sync', 'catalog-service', ?, '{"store_id": 1}'::jsonb, ?) returning id""",
                user, dependsOn);
        jobs.add(id);
        return id;
    }

    private static void refused(String constraint, String sql, Object... params) {
        assertThatThrownBy(() -> TestDatabase.update(sql, params)).as(constraint)
                .hasStackTraceContaining(constraint);
    }
}
