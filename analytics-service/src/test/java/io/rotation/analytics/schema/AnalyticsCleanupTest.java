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
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/** cleanup_old_analytics_data(retention): old and expired rows go, fresh ones stay. */
@QuarkusTest
@WithTestResource(RotationStack.class)
class AnalyticsCleanupTest {

    @Test
    void removesOldAndExpiredRowsAndKeepsFreshOnes() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        LocalDate today = now.toLocalDate();
        long user = TestTokens.newUserId();
        long source = 8_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000_000L);

        UUID oldUsage = usage(user, now.minusMonths(14));
        UUID freshUsage = usage(user, now.minusDays(1));
        daily(user, today.minusMonths(27));
        daily(user, today.minusMonths(20));
        recommendation(user, 1, now.minusHours(1));
        recommendation(user, 2, now.plusDays(1));
        recommendation(user, 3, null);
        similarity(source, source + 1, now.minusHours(1));
        similarity(source, source + 2, now.plusDays(1));
        UUID oldEvent = processed(now.minusDays(31));
        UUID freshEvent = processed(now.minusDays(29));
        long job = TestDatabase.count("""
                insert into jobs (job_type, owner_service, initiated_by, status, started_at, completed_at)
                values ('analytics_cleanup', 'analytics-service', ?, 'completed', now(), now())
                returning id""", user); // a finished job: a pending one would be dispatched and log more lines
        TestDatabase.update("insert into job_logs (job_id, message, logged_at) values (?, 'old', ?)", job,
                now.minusMonths(4));
        TestDatabase.update("insert into job_logs (job_id, message, logged_at) values (?, 'fresh', ?)", job, now);
        TestDatabase.update("""
                insert into audit_logs (user_id, action, entity_type, entity_id, service, occurred_at)
                values (?, 'old', 'user', ?, 'identity-service', ?), (?, 'fresh', 'user', ?, 'identity-service', ?)""",
                user, String.valueOf(user), now.minusMonths(25), user, String.valueOf(user), now.minusDays(1));
        String service = "cleanup-test-" + user;
        TestDatabase.update("""
                insert into performance_metrics (service, endpoint, method, status_code, response_time_ms, recorded_at)
                values (?, '/old', 'GET', 200, 1, ?), (?, '/fresh', 'GET', 200, 1, ?)""",
                service, now.minusDays(31), service, now.minusHours(1));

        // 14 months back is before the oldest partition: the row sits in the default partition, which no drop reaches
        TestDatabase.update("""
                insert into listening_hourly (user_id, hour_start, record_id, plays, listening_ms)
                values (?, date_trunc('hour', ?::timestamptz, 'UTC'), 1, 1, 1000),
                       (?, date_trunc('hour', ?::timestamptz, 'UTC'), 1, 1, 1000)""",
                user, now.minusMonths(14), user, now.minusDays(1));

        long deleted = TestDatabase.count("select cleanup_old_analytics_data()");

        assertThat(deleted).isGreaterThanOrEqualTo(9);
        assertThat(TestDatabase.count("select count(*) from usage_metrics where event_id = ?", oldUsage)).isZero();
        assertThat(TestDatabase.count("select count(*) from usage_metrics where event_id = ?", freshUsage)).isOne();
        assertThat(TestDatabase.rows("""
                select metric_date from daily_metrics where metric_type = 'usage' and entity_type = 'user'
                and entity_id = ?""", user)).extracting(r -> r.get("metric_date").toString())
                .containsExactly(today.minusMonths(20).toString());
        assertThat(TestDatabase.rows("select entity_id from recommendation_data where user_id = ? order by entity_id",
                user)).extracting(r -> r.get("entity_id")).containsExactly(2L, 3L);
        assertThat(TestDatabase.rows("select target_id from content_similarity where source_id = ?", source))
                .extracting(r -> r.get("target_id")).containsExactly(source + 2);
        assertThat(TestDatabase.count("select count(*) from processed_event where event_id = ?", oldEvent)).isZero();
        assertThat(TestDatabase.count("select count(*) from processed_event where event_id = ?", freshEvent)).isOne();
        assertThat(TestDatabase.rows("select message from job_logs where job_id = ?", job))
                .extracting(r -> r.get("message")).containsExactly("fresh");
        assertThat(TestDatabase.rows("select action from audit_logs where user_id = ?", user))
                .extracting(r -> r.get("action")).containsExactly("fresh");
        assertThat(TestDatabase.rows("select endpoint from performance_metrics where service = ?", service))
                .extracting(r -> r.get("endpoint")).containsExactly("/fresh");
        assertThat(TestDatabase.count("select count(*) from listening_hourly where user_id = ? and hour_start < now() - interval '13 months'",
                user)).isZero();
        assertThat(TestDatabase.count("select count(*) from listening_hourly where user_id = ?", user)).isOne();

        // nothing left to do for these rows
        assertThat(TestDatabase.count("select count(*) from usage_metrics where user_id = ?", user)).isOne();
    }

    @Test
    void refusesANonsenseRetention() {
        assertThatThrownBy(() -> TestDatabase.count("select cleanup_old_analytics_data(interval '1 hour')"))
                .hasStackTraceContaining("retention must be at least 1 day");
    }

    private static UUID usage(long user, OffsetDateTime at) {
        UUID id = UUID.randomUUID();
        TestDatabase.update("""
                insert into usage_metrics (event_id, user_id, event_type, entity_type, entity_id, occurred_at)
                values (?, ?, 'play', 'track', 1, ?)""", id, user, at);
        return id;
    }

    private static void daily(long user, LocalDate day) {
        TestDatabase.update("""
                insert into daily_metrics (metric_date, metric_type, entity_type, entity_id, metric_name, value)
                values (?, 'usage', 'user', ?, 'plays', 1)""", day, user);
    }

    private static void recommendation(long user, long track, OffsetDateTime expiresAt) {
        TestDatabase.update("""
                insert into recommendation_data (user_id, entity_type, entity_id, last_interaction_at, expires_at)
                values (?, 'track', ?, now(), ?)""", user, track, expiresAt);
    }

    private static void similarity(long source, long target, OffsetDateTime expiresAt) {
        TestDatabase.update("""
                insert into content_similarity (source_type, source_id, target_type, target_id, similarity_type,
                                                score, algorithm, computed_at, expires_at)
                values ('track', ?, 'track', ?, 'metadata', 0.5, 'test', ?, ?)""",
                source, target, expiresAt.minusDays(2), expiresAt);
    }

    private static UUID processed(OffsetDateTime at) {
        UUID id = UUID.randomUUID();
        TestDatabase.update("insert into processed_event (consumer, event_id, processed_at) values ('analytics.cleanup-test', ?, ?)",
                id, at);
        return id;
    }
}
