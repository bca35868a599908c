package io.rotation.analytics.usage;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rotation.contracts.EventType;
import io.rotation.contracts.Topics;
import io.rotation.contracts.userfeatures.PlayRecorded;
import io.rotation.contracts.userfeatures.PlaysRecorded;
import io.rotation.platform.event.CloudEventCodec;
import io.rotation.platform.event.CloudEventHeaders;
import io.rotation.platform.testing.KafkaTail;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.TestDatabase;
import io.rotation.platform.testing.TestEvents;
import io.rotation.platform.testing.TestTokens;
import io.restassured.path.json.JsonPath;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(RotationStack.class)
class PlayRecordedConsumerTest {

    private static final Instant DAY1 = Instant.parse("2026-10-01T08:00:00Z");
    private static final Instant DAY2 = Instant.parse("2026-10-02T21:30:00Z");
    private static final AtomicLong PLAY_IDS = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    private static TestEvents events;
    private static String topic;

    @BeforeAll
    static void open() {
        events = new TestEvents();
        topic = ConfigProvider.getConfig().getValue("mp.messaging.incoming.plays.topic", String.class);
    }

    @AfterAll
    static void close() {
        events.close();
    }

    @Test
    void turnsPlaysIntoUsageDailyMetricsAndAffinity() {
        long user = TestTokens.newUserId();
        send(play(user, 11, 500L, DAY1, 180_000, "100"));
        send(play(user, 11, 500L, DAY2, 90_000, "50"));
        send(play(user, 12, 500L, DAY2, 30_000, null));
        send(play(user, 13, null, DAY2, null, "10"));

        JsonPath stats = awaitTotalPlays(user, 4);
        assertThat(stats.getLong("total_listening_ms")).isEqualTo(300_000L);
        // 11 was played twice; 13 at 10 % beats 12 whose completion is unknown
        assertThat(stats.getList("top_tracks.track_id", Integer.class)).containsExactly(11, 13, 12);
        assertThat(stats.getInt("top_tracks[0].plays")).isEqualTo(2);
        assertThat(stats.getDouble("top_tracks[0].affinity_score")).isEqualTo(1.75);
        assertThat(stats.getList("plays_by_day.date", String.class)).containsExactly("2026-10-02", "2026-10-01");
        assertThat(stats.getList("plays_by_day.plays", Integer.class)).containsExactly(3, 1);
        assertThat(stats.getList("plays_by_day.listening_ms", Integer.class)).containsExactly(120_000, 180_000);

        assertThat(TestDatabase.count("select count(*) from usage_metrics where user_id = ?", user)).isEqualTo(4);
        assertThat(TestDatabase.rows("""
                select event_type, entity_type, duration_ms, session_id, device, (metadata - 'play_id')::text as m,
                       jsonb_typeof(metadata -> 'play_id') as play_id
                from usage_metrics where user_id = ? order by entity_id, occurred_at""", user))
                .extracting(r -> r.get("entity_type") + " " + r.get("event_type") + " " + r.get("duration_ms") + " "
                        + r.get("session_id") + " " + r.get("device") + " " + r.get("m") + " " + r.get("play_id"))
                .containsExactly(
                        "track play 180000 s-1 web {\"action\": \"play\", \"record_id\": 500, \"completion_percentage\": 100} number",
                        "track play 90000 s-1 web {\"action\": \"play\", \"record_id\": 500, \"completion_percentage\": 50} number",
                        "track play 30000 s-1 web {\"action\": \"play\", \"record_id\": 500, \"completion_percentage\": null} number",
                        "track play null s-1 web {\"action\": \"play\", \"record_id\": null, \"completion_percentage\": 10} number");
        Map<String, Object> record = TestDatabase.rows("""
                select play_count, total_listening_ms, affinity_score from recommendation_data
                where user_id = ? and entity_type = 'record' and entity_id = 500""", user).get(0);
        assertThat(record.get("play_count")).isEqualTo(3);
        assertThat(record.get("total_listening_ms")).isEqualTo(300_000L);
        assertThat((BigDecimal) record.get("affinity_score")).isEqualByComparingTo("2.25");
        assertThat(TestDatabase.count("""
                select value from daily_metrics where metric_date = date '2026-10-02' and metric_type = 'usage'
                and entity_type = 'track' and entity_id = 11 and metric_name = 'plays'""")).isGreaterThanOrEqualTo(1);
    }

    @Test
    void countsEveryPlayOfABatchEventOnceUnderOneClaim() {
        long user = TestTokens.newUserId();
        UUID id = UUID.randomUUID();
        // two plays at the same instant: the batch's plays share its event id, so their rows must not collide
        events.send(topic, id, EventType.PLAYS_RECORDED, String.valueOf(user), new PlaysRecorded(user, List.of(
                play(user, 51, 800L, DAY1, 180_000, "100"),
                play(user, 51, 800L, DAY2, 90_000, "50"),
                play(user, 52, 800L, DAY2, 30_000, null),
                play(user, 53, null, DAY2, null, "10"))));

        JsonPath stats = awaitTotalPlays(user, 4);
        assertThat(stats.getLong("total_listening_ms")).isEqualTo(300_000L);
        assertThat(stats.getList("top_tracks.track_id", Integer.class)).containsExactly(51, 53, 52);
        assertThat(stats.getList("plays_by_day.plays", Integer.class)).containsExactly(3, 1);
        assertThat(TestDatabase.count("select count(*) from usage_metrics where user_id = ?", user)).isEqualTo(4);
        assertThat(TestDatabase.count("select count(*) from processed_event where event_id = ?", id)).isEqualTo(1);
        Map<String, Object> record = TestDatabase.rows("""
                select play_count, total_listening_ms from recommendation_data
                where user_id = ? and entity_type = 'record' and entity_id = 800""", user).get(0);
        assertThat(record.get("play_count")).isEqualTo(3);
        assertThat(record.get("total_listening_ms")).isEqualTo(300_000L);
    }

    @Test
    void countsABatchRedeliveredInALaterPollOnce() {
        long user = TestTokens.newUserId();
        UUID replayed = UUID.randomUUID();
        PlaysRecorded batch = new PlaysRecorded(user, List.of(play(user, 61, 900L, DAY1, 10_000, "100"),
                play(user, 62, 900L, DAY1, 20_000, "100")));
        events.send(topic, replayed, EventType.PLAYS_RECORDED, String.valueOf(user), batch);
        awaitTotalPlays(user, 2);

        // the redelivery comes after the first delivery was committed: only the claim or the stored rows can stop it
        events.send(topic, replayed, EventType.PLAYS_RECORDED, String.valueOf(user), batch);
        sendBatch(play(user, 63, 900L, DAY1, 1_000, "100"));

        JsonPath stats = awaitTotalPlays(user, 3);
        assertThat(stats.getLong("total_listening_ms")).isEqualTo(31_000L);
        assertThat(TestDatabase.count("""
                select play_count from recommendation_data
                where user_id = ? and entity_type = 'record' and entity_id = 900""", user)).isEqualTo(3);
    }

    @Test
    void countsABatchRedeliveredAfterItsClaimWasForgottenOnce() {
        long user = TestTokens.newUserId();
        UUID id = UUID.randomUUID();
        PlaysRecorded batch = new PlaysRecorded(user, List.of(play(user, 65, 950L, DAY1, 10_000, "100"),
                play(user, 66, 950L, DAY2, 20_000, "100")));
        events.send(topic, id, EventType.PLAYS_RECORDED, String.valueOf(user), batch);
        awaitTotalPlays(user, 2);
        // the claim is gone (as if forgotten), the stored rows are not: the redelivery must add nothing
        TestDatabase.update("delete from processed_event where event_id = ?", id);

        events.send(topic, id, EventType.PLAYS_RECORDED, String.valueOf(user), batch);
        sendBatch(play(user, 67, 950L, DAY1, 1_000, "100"));

        JsonPath stats = awaitTotalPlays(user, 3);
        assertThat(stats.getLong("total_listening_ms")).isEqualTo(31_000L);
        assertThat(TestDatabase.count("select count(*) from usage_metrics where user_id = ?", user)).isEqualTo(3);
    }

    @Test
    void countsOldPlayRecordedEventsAlongsideBatchEvents() {
        long user = TestTokens.newUserId();
        send(play(user, 71, 990L, DAY1, 1_000, "100"));
        sendBatch(play(user, 72, 990L, DAY1, 2_000, "100"), play(user, 73, 990L, DAY2, 4_000, "100"));
        send(play(user, 74, 990L, DAY2, 8_000, "100"));

        JsonPath stats = awaitTotalPlays(user, 4);
        assertThat(stats.getLong("total_listening_ms")).isEqualTo(15_000L);
        assertThat(TestDatabase.count("""
                select play_count from recommendation_data
                where user_id = ? and entity_type = 'record' and entity_id = 990""", user)).isEqualTo(4);
    }

    @Test
    void parksABatchWithAPlayDatedInTheFutureWholeOnTheDeadLetterTopic() {
        long user = TestTokens.newUserId();
        try (KafkaTail deadLetters = new KafkaTail(
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                Topics.deadLetterOf(topic))) {
            sendBatch(play(user, 81, null, Instant.now().minusSeconds(60), 5_000, "100"),
                    play(user, 82, null, Instant.now().plus(Duration.ofDays(400)), 5_000, "100"));
            sendBatch(play(user, 83, null, Instant.now().minusSeconds(60), 5_000, "100"));

            awaitTotalPlays(user, 1);
            var parked = deadLetters.await(r -> String.valueOf(user).equals(r.key()), 1, Duration.ofSeconds(20));
            assertThat(parked).hasSize(1);
            assertThat(CloudEventCodec.header(parked.get(0).headers(), CloudEventHeaders.DLQ_ERROR)).contains("future");
            assertThat(TestDatabase.count("select count(*) from usage_metrics where user_id = ?", user)).isEqualTo(1);
        }
    }

    @Test
    void countsAPlayRedeliveredInALaterBatchOnce() {
        long user = TestTokens.newUserId();
        UUID replayed = UUID.randomUUID();
        PlayRecorded play = play(user, 21, 600L, DAY1, 60_000, "100");
        events.send(topic, replayed, EventType.PLAY_RECORDED, String.valueOf(user), play);
        awaitTotalPlays(user, 1);

        // the redelivery comes after the first delivery was committed: only the claim or the stored row can stop it
        events.send(topic, replayed, EventType.PLAY_RECORDED, String.valueOf(user), play);
        send(play(user, 22, 600L, DAY1, 1_000, "100"));

        JsonPath stats = awaitTotalPlays(user, 2);
        assertThat(stats.getLong("total_listening_ms")).isEqualTo(61_000L);
        assertThat(TestDatabase.count("select count(*) from usage_metrics where event_id = ?", replayed)).isEqualTo(1);
        assertThat(TestDatabase.count("""
                select play_count from recommendation_data
                where user_id = ? and entity_type = 'record' and entity_id = 600""", user)).isEqualTo(2);
    }

    @Test
    void appliesAnEventIdOnceWhateverItsRedeliveryCarries() {
        long user = TestTokens.newUserId();
        UUID id = UUID.randomUUID();
        events.send(topic, id, EventType.PLAY_RECORDED, String.valueOf(user), play(user, 23, null, DAY1, 1_000, "100"));
        awaitTotalPlays(user, 1);

        // same event id, other played_at: usage_metrics' (event_id, occurred_at) key cannot see it, the claim must
        events.send(topic, id, EventType.PLAY_RECORDED, String.valueOf(user), play(user, 23, null, DAY2, 1_000, "100"));
        send(play(user, 24, null, DAY1, 1_000, "100"));

        awaitTotalPlays(user, 2);
        assertThat(TestDatabase.count("select count(*) from usage_metrics where event_id = ?", id)).isEqualTo(1);
    }

    @Test
    void aggregatesOnlyThePlaysItsInsertWrote() {
        long user = TestTokens.newUserId();
        UUID id = UUID.randomUUID();
        PlayRecorded play = play(user, 25, 700L, DAY1, 5_000, "100");
        events.send(topic, id, EventType.PLAY_RECORDED, String.valueOf(user), play);
        awaitTotalPlays(user, 1);
        // the claim is gone (as if forgotten), the stored row is not: the redelivery must add nothing
        TestDatabase.update("delete from processed_event where event_id = ?", id);

        events.send(topic, id, EventType.PLAY_RECORDED, String.valueOf(user), play);
        send(play(user, 26, 700L, DAY1, 1_000, "100"));

        JsonPath stats = awaitTotalPlays(user, 2);
        assertThat(stats.getLong("total_listening_ms")).isEqualTo(6_000L);
        assertThat(TestDatabase.count("""
                select play_count from recommendation_data
                where user_id = ? and entity_type = 'record' and entity_id = 700""", user)).isEqualTo(2);
    }

    @Test
    void parksAPoisonEventOnTheDeadLetterTopicAndMovesOn() {
        long user = TestTokens.newUserId();
        try (KafkaTail deadLetters = new KafkaTail(
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                Topics.deadLetterOf(topic))) {
            ProducerRecord<String, byte[]> poison = CloudEventCodec.toRecord(topic, UUID.randomUUID(),
                    EventType.PLAY_RECORDED.type(), "/rotation/tests", Instant.now(), String.valueOf(user),
                    "{\"play_id\": \"not a number\"".getBytes(StandardCharsets.UTF_8));
            events.send(poison);
            send(play(user, 31, null, DAY1, 5_000, "100"));

            awaitTotalPlays(user, 1);
            var parked = deadLetters.await(r -> String.valueOf(user).equals(r.key()), 1, Duration.ofSeconds(20));
            assertThat(parked).hasSize(1);
            assertThat(CloudEventCodec.header(parked.get(0).headers(), CloudEventHeaders.DLQ_ERROR)).contains("data");
        }
    }

    @Test
    void parksAPlayDatedInTheFutureOnTheDeadLetterTopic() {
        long user = TestTokens.newUserId();
        try (KafkaTail deadLetters = new KafkaTail(
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                Topics.deadLetterOf(topic))) {
            send(play(user, 41, null, Instant.now().plus(Duration.ofDays(400)), 5_000, "100"));
            send(play(user, 42, null, Instant.now().minusSeconds(60), 5_000, "100"));

            awaitTotalPlays(user, 1);
            var parked = deadLetters.await(r -> String.valueOf(user).equals(r.key()), 1, Duration.ofSeconds(20));
            assertThat(parked).hasSize(1);
            assertThat(CloudEventCodec.header(parked.get(0).headers(), CloudEventHeaders.DLQ_ERROR)).contains("future");
            assertThat(TestDatabase.count("select count(*) from usage_metrics where user_id = ?", user)).isEqualTo(1);
        }
    }

    @Test
    void statsNeedAToken() {
        given().get("/api/v1/stats/me").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.expired(1)).get("/api/v1/stats/me").then().statusCode(401);
        given().auth().oauth2(TestTokens.user(1)).queryParam("days", 0).get("/api/v1/stats/me")
                .then().statusCode(400).body("errors[0].field", equalTo("days"));
    }

    private static JsonPath awaitTotalPlays(long user, int plays) {
        String token = TestTokens.user(user);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> given()
                .auth().oauth2(token).get("/api/v1/stats/me").then().statusCode(200)
                .extract().jsonPath().getLong("total_plays") >= plays);
        // settle: nothing more may arrive for this user
        JsonPath stats = given().auth().oauth2(token).get("/api/v1/stats/me").then().statusCode(200)
                .extract().jsonPath();
        assertThat(stats.getLong("total_plays")).isEqualTo(plays);
        return stats;
    }

    private static void send(PlayRecorded play) {
        events.send(topic, UUID.randomUUID(), EventType.PLAY_RECORDED, String.valueOf(play.userId()), play);
    }

    private static void sendBatch(PlayRecorded... plays) {
        long user = plays[0].userId();
        events.send(topic, UUID.randomUUID(), EventType.PLAYS_RECORDED, String.valueOf(user),
                new PlaysRecorded(user, List.of(plays)));
    }

    private static PlayRecorded play(long user, long track, Long record, Instant at, Integer ms, String completion) {
        return new PlayRecorded(PLAY_IDS.incrementAndGet(), user, track, record, at, ms,
                completion == null ? null : new BigDecimal(completion), "play", "s-1", "web");
    }
}
