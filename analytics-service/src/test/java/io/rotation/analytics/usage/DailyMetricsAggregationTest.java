package io.rotation.analytics.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rotation.contracts.EventType;
import io.rotation.contracts.userfeatures.PlayRecorded;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.TestDatabase;
import io.rotation.platform.testing.TestEvents;
import io.rotation.platform.testing.TestTokens;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** aggregate_daily_metrics(date): known usage rows give known totals, set (not added), agreeing with the consumer. */
@QuarkusTest
@WithTestResource(RotationStack.class)
class DailyMetricsAggregationTest {

    private static final AtomicLong PLAY_IDS = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    @Test
    void rollsOneUtcDayOfUsageIntoDailyMetricsAndIsIdempotent() {
        LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(5);
        long user = TestTokens.newUserId();
        long trackX = uniqueTrack();
        long trackY = trackX + 1;
        usage(user, "play", trackX, 1_000L, day.atTime(0, 0));
        usage(user, "play", trackX, 2_000L, day.atTime(11, 0));
        usage(user, "play", trackY, null, day.atTime(23, 59, 59, 999_999_000));
        // not a play, and plays just outside the day: not counted
        usage(user, "page_view", null, 500L, day.atTime(13, 0));
        usage(user, "play", trackX, 7_000L, day.minusDays(1).atTime(23, 59, 59, 999_999_000));
        usage(user, "play", trackX, 9_000L, day.plusDays(1).atTime(0, 0));

        assertThat(aggregate(day)).isGreaterThanOrEqualTo(6);
        Map<String, Long> expected = Map.of(
                "user/" + user + "/plays", 3L, "user/" + user + "/listening_ms", 3_000L,
                "track/" + trackX + "/plays", 2L, "track/" + trackX + "/listening_ms", 3_000L,
                "track/" + trackY + "/plays", 1L, "track/" + trackY + "/listening_ms", 0L);
        assertThat(daily(day, user, trackX, trackY)).isEqualTo(expected);

        // again: nothing to write, same totals
        assertThat(aggregate(day)).isZero();
        assertThat(daily(day, user, trackX, trackY)).isEqualTo(expected);

        // a drifted value is set back, not added to
        TestDatabase.update("""
                update daily_metrics set value = 99 where metric_date = ? and metric_type = 'usage'
                and entity_type = 'user' and entity_id = ? and metric_name = 'plays'""", day, user);
        assertThat(aggregate(day)).isEqualTo(1);
        assertThat(daily(day, user, trackX, trackY)).isEqualTo(expected);
    }

    @Test
    void agreesWithWhatThePlayRecordedConsumerAdded() {
        LocalDate day = LocalDate.now(ZoneOffset.UTC).minusDays(2);
        long user = TestTokens.newUserId();
        long trackA = uniqueTrack();
        long trackB = trackA + 1;
        String topic = ConfigProvider.getConfig().getValue("mp.messaging.incoming.plays.topic", String.class);
        try (TestEvents events = new TestEvents()) {
            for (PlayRecorded play : new PlayRecorded[] {
                    play(user, trackA, at(day, LocalTime.MIDNIGHT), 180_000),
                    play(user, trackA, at(day, LocalTime.of(12, 30)), 60_000),
                    play(user, trackB, at(day, LocalTime.of(23, 59, 59)), null),
                    play(user, trackA, at(day.plusDays(1), LocalTime.MIDNIGHT), 5_000)}) {
                events.send(topic, UUID.randomUUID(), EventType.PLAY_RECORDED, String.valueOf(user), play);
            }
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                TestDatabase.count("select count(*) from usage_metrics where user_id = ?", user) == 4
                        && daily(day, user, trackA, trackB).getOrDefault("user/" + user + "/plays", 0L) == 3L
                        && daily(day.plusDays(1), user, trackA, trackB)
                                .getOrDefault("user/" + user + "/plays", 0L) == 1L);

        Map<String, Long> consumer = daily(day, user, trackA, trackB);
        assertThat(consumer).isEqualTo(Map.of(
                "user/" + user + "/plays", 3L, "user/" + user + "/listening_ms", 240_000L,
                "track/" + trackA + "/plays", 2L, "track/" + trackA + "/listening_ms", 240_000L,
                "track/" + trackB + "/plays", 1L, "track/" + trackB + "/listening_ms", 0L));
        Map<String, Long> nextDay = daily(day.plusDays(1), user, trackA, trackB);

        aggregate(day);
        aggregate(day);
        aggregate(day.plusDays(1));
        assertThat(daily(day, user, trackA, trackB)).isEqualTo(consumer);
        assertThat(daily(day.plusDays(1), user, trackA, trackB)).isEqualTo(nextDay)
                .containsEntry("user/" + user + "/listening_ms", 5_000L);
    }

    private static long uniqueTrack() {
        return 9_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000_000L) * 2;
    }

    private static Instant at(LocalDate day, LocalTime time) {
        return day.atTime(time).toInstant(ZoneOffset.UTC);
    }

    private static PlayRecorded play(long user, long track, Instant at, Integer ms) {
        return new PlayRecorded(PLAY_IDS.incrementAndGet(), user, track, null, at, ms, new BigDecimal("100"), "play",
                "s-agg", "web");
    }

    private static void usage(long user, String type, Long track, Long ms, java.time.LocalDateTime utc) {
        TestDatabase.update("""
                insert into usage_metrics (event_id, user_id, event_type, entity_type, entity_id, duration_ms,
                                           occurred_at)
                values (?, ?, ?, ?, ?, ?, ?)""", UUID.randomUUID(), user, type, track == null ? null : "track",
                track, ms, utc.atOffset(ZoneOffset.UTC));
    }

    static int aggregate(LocalDate day) {
        return (int) TestDatabase.count("select aggregate_daily_metrics(?)", day);
    }

    /** "entity_type/entity_id/metric_name" → value of the day's usage metrics of these entities. */
    static Map<String, Long> daily(LocalDate day, long user, long track1, long track2) {
        Map<String, Long> values = new TreeMap<>();
        for (Map<String, Object> row : TestDatabase.rows("""
                select entity_type, entity_id, metric_name, value from daily_metrics
                where metric_date = ? and metric_type = 'usage'
                  and ((entity_type = 'user' and entity_id = ?) or (entity_type = 'track' and entity_id in (?, ?)))""",
                day, user, track1, track2)) {
            values.put(row.get("entity_type") + "/" + row.get("entity_id") + "/" + row.get("metric_name"),
                    ((BigDecimal) row.get("value")).longValueExact());
        }
        return values;
    }
}
