package io.rotation.userfeatures.play;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.rotation.contracts.EventType;
import io.rotation.contracts.Topics;
import io.rotation.contracts.userfeatures.PlaysRecorded;
import io.rotation.platform.event.CloudEventCodec;
import io.rotation.platform.event.CloudEventHeaders;
import io.rotation.platform.json.RotationObjectMapper;
import io.rotation.platform.testing.KafkaTail;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.TestDatabase;
import io.rotation.platform.testing.TestTokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@QuarkusTest
@WithTestResource(RotationStack.class)
class PlayResourceTest {

    private static final Instant T0 = Instant.parse("2026-11-01T12:00:00.123456Z");
    private static final long MARKER_TRACK = 999_001;

    @Test
    void storesAPlayAndAnnouncesItOnceAsACloudEvent() throws Exception {
        long user = TestTokens.newUserId();
        try (KafkaTail tail = tailPlays()) {
            long playId = given().auth().oauth2(TestTokens.user(user)).contentType(ContentType.JSON)
                    .body(Map.of("track_id", 42, "record_id", 7, "played_at", T0.toString(),
                            "duration_played_ms", 183_000, "completion_percentage", 97.5, "device", "ios"))
                    .post("/api/v1/plays")
                    .then().statusCode(201)
                    .body("user_id", equalTo(user)).body("track_id", equalTo(42))
                    .body("played_at", equalTo(T0.toString())).body("action", equalTo("play"))
                    .extract().jsonPath().getLong("id");

            List<ConsumerRecord<String, byte[]>> events = tail.await(byUser(user), 1, Duration.ofSeconds(20));
            assertThat(events).hasSize(1);
            ConsumerRecord<String, byte[]> event = events.get(0);
            assertThat(event.key()).isEqualTo(String.valueOf(user));
            assertThat(CloudEventCodec.header(event.headers(), CloudEventHeaders.TYPE))
                    .isEqualTo(EventType.PLAYS_RECORDED.type());
            assertThat(CloudEventCodec.header(event.headers(), CloudEventHeaders.ID)).isNotBlank();
            JsonNode data = RotationObjectMapper.create().readTree(event.value());
            assertThat(data.get("user_id").asLong()).isEqualTo(user);
            assertThat(data.get("plays")).hasSize(1);
            JsonNode play = data.get("plays").get(0);
            assertThat(play.get("play_id").asLong()).isEqualTo(playId);
            assertThat(play.get("user_id").asLong()).isEqualTo(user);
            assertThat(play.get("completion_percentage").decimalValue()).isEqualByComparingTo("97.5");
            assertThat(play.get("played_at").asText()).isEqualTo(T0.toString());
        }
    }

    @Test
    void announcesABatchOfNewPlaysInOneEventCarryingEveryPlay() throws Exception {
        long user = TestTokens.newUserId();
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            batch.add(Map.of("track_id", 300 + i, "record_id", 30, "played_at", T0.plusSeconds(i * 60L).toString(),
                    "duration_played_ms", 1_000 * (i + 1), "completion_percentage", 20 * (i + 1),
                    "action", "complete", "session_id", "s-" + i, "device", "web"));
        }
        try (KafkaTail tail = tailPlays()) {
            given().auth().oauth2(TestTokens.user(user)).contentType(ContentType.JSON).body(Map.of("plays", batch))
                    .post("/api/v1/plays/batch")
                    .then().statusCode(200).body("stored", equalTo(5));

            tail.await(byUser(user), 1, Duration.ofSeconds(20));
            List<ConsumerRecord<String, byte[]>> events = tail.drain(Duration.ofSeconds(1)).stream()
                    .filter(byUser(user)).toList();
            assertThat(events).hasSize(1);
            assertThat(CloudEventCodec.header(events.get(0).headers(), CloudEventHeaders.TYPE))
                    .isEqualTo(EventType.PLAYS_RECORDED.type());
            List<JsonNode> plays = playsOf(events.get(0));
            List<Long> stored = TestDatabase.rows("select id from play_history where user_id = ? order by played_at",
                    user).stream().map(r -> ((Number) r.get("id")).longValue()).toList();
            assertThat(plays.stream().map(p -> p.get("play_id").asLong())).containsExactlyInAnyOrderElementsOf(stored);
            JsonNode last = plays.stream().filter(p -> p.get("track_id").asLong() == 304).findFirst().orElseThrow();
            assertThat(last.get("user_id").asLong()).isEqualTo(user);
            assertThat(last.get("record_id").asLong()).isEqualTo(30);
            assertThat(last.get("played_at").asText()).isEqualTo(T0.plusSeconds(240).toString());
            assertThat(last.get("duration_played_ms").asInt()).isEqualTo(5_000);
            assertThat(last.get("completion_percentage").decimalValue()).isEqualByComparingTo("100");
            assertThat(last.get("action").asText()).isEqualTo("complete");
            assertThat(last.get("session_id").asText()).isEqualTo("s-4");
            assertThat(last.get("device").asText()).isEqualTo("web");
            // the outbox keeps the JSON as the service serialised it (text, not jsonb): published unchanged
            assertThat(new String(events.get(0).value(), StandardCharsets.UTF_8)).isEqualTo(
                    RotationObjectMapper.create().writeValueAsString(
                            RotationObjectMapper.create().readValue(events.get(0).value(), PlaysRecorded.class)));
            assertThat(TestDatabase.rows("""
                    select data_type from information_schema.columns
                    where table_schema = current_schema() and table_name = 'outbox_event' and column_name = 'payload'""")
                    .get(0)).containsEntry("data_type", "text");
        }
    }

    @Test
    void announcesABatchTooLargeForOneKafkaRecordInSeveralEventsCarryingEveryPlay() {
        long user = TestTokens.newUserId();
        // control chars are escaped in six bytes each: 1,000 such plays make about 1.8 MB of JSON
        String escaped = String.valueOf((char) 1).repeat(128);
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            batch.add(Map.of("track_id", 1 + i, "played_at", T0.plusSeconds(i).toString(),
                    "session_id", escaped, "device", escaped));
        }
        try (KafkaTail tail = tailPlays()) {
            given().auth().oauth2(TestTokens.user(user)).contentType(ContentType.JSON).body(Map.of("plays", batch))
                    .post("/api/v1/plays/batch")
                    .then().statusCode(200).body("stored", equalTo(1_000));

            List<Long> stored = TestDatabase.rows("select id from play_history where user_id = ?", user).stream()
                    .map(r -> ((Number) r.get("id")).longValue()).toList();
            List<Long> announced = new ArrayList<>();
            tail.await(byUser(user), 2, Duration.ofSeconds(30));
            List<ConsumerRecord<String, byte[]>> events = tail.drain(Duration.ofSeconds(3)).stream()
                    .filter(byUser(user)).toList();
            for (ConsumerRecord<String, byte[]> event : events) {
                assertThat(event.value().length).isLessThan(1_000_000);
                playsOf(event).forEach(p -> announced.add(p.get("play_id").asLong()));
            }
            assertThat(events).hasSizeGreaterThan(1);
            assertThat(announced).containsExactlyInAnyOrderElementsOf(stored);
        }
    }

    @Test
    void storesARetriedPlayOnceAndAnnouncesOnlyTheNewPlaysOfABatch() {
        long user = TestTokens.newUserId();
        String token = TestTokens.user(user);
        Map<String, Object> play = Map.of("track_id", 9, "played_at", T0.toString());
        try (KafkaTail tail = tailPlays()) {
            int first = given().auth().oauth2(token).contentType(ContentType.JSON).body(play).post("/api/v1/plays")
                    .then().statusCode(201).extract().path("id");
            given().auth().oauth2(token).contentType(ContentType.JSON).body(play).post("/api/v1/plays")
                    .then().statusCode(200).body("id", equalTo(first));

            List<Map<String, Object>> batch = new ArrayList<>();
            batch.add(play);
            for (int i = 1; i <= 4; i++) {
                batch.add(Map.of("track_id", 9, "played_at", T0.plusSeconds(i * 200L).toString()));
            }
            batch.add(Map.of("track_id", 9, "played_at", T0.plusSeconds(200).toString()));
            given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("plays", batch))
                    .post("/api/v1/plays/batch")
                    .then().statusCode(200)
                    .body("received", equalTo(6)).body("stored", equalTo(4)).body("duplicates", equalTo(2));
            given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("plays", batch))
                    .post("/api/v1/plays/batch")
                    .then().statusCode(200).body("stored", equalTo(0)).body("duplicates", equalTo(6));

            assertThat(TestDatabase.count("select count(*) from play_history where user_id = ?", user)).isEqualTo(5);
            // the single play, then the batch's four new plays: the retries announce nothing
            tail.await(byUser(user), 2, Duration.ofSeconds(20));
            List<ConsumerRecord<String, byte[]>> events = tail.drain(Duration.ofSeconds(2)).stream()
                    .filter(byUser(user)).toList();
            assertThat(events).hasSize(2);
            assertThat(playsOf(events.get(0))).extracting(p -> p.get("play_id").asLong())
                    .containsExactly((long) first);
            assertThat(playsOf(events.get(1))).extracting(p -> p.get("played_at").asText())
                    .containsExactlyInAnyOrder(T0.plusSeconds(200).toString(), T0.plusSeconds(400).toString(),
                            T0.plusSeconds(600).toString(), T0.plusSeconds(800).toString());
        }
    }

    @Test
    void listsOnlyTheCallersPlaysNewestFirstInCursorPages() {
        long user = TestTokens.newUserId();
        long other = TestTokens.newUserId();
        List<Map<String, Object>> plays = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            plays.add(Map.of("track_id", 100 + i, "played_at", T0.plus(i, ChronoUnit.MINUTES).toString()));
        }
        given().auth().oauth2(TestTokens.user(user)).contentType(ContentType.JSON).body(Map.of("plays", plays))
                .post("/api/v1/plays/batch").then().statusCode(200).body("stored", equalTo(5));
        given().auth().oauth2(TestTokens.user(other)).contentType(ContentType.JSON)
                .body(Map.of("track_id", 1)).post("/api/v1/plays").then().statusCode(201);

        String cursor = given().auth().oauth2(TestTokens.user(user)).queryParam("limit", 3).get("/api/v1/plays")
                .then().statusCode(200)
                .body("items", hasSize(3))
                .body("items.track_id", equalTo(List.of(104, 103, 102)))
                .body("next_cursor", notNullValue())
                .extract().path("next_cursor");
        given().auth().oauth2(TestTokens.user(user)).queryParam("limit", 3).queryParam("cursor", cursor)
                .get("/api/v1/plays")
                .then().statusCode(200)
                .body("items.track_id", equalTo(List.of(101, 100)))
                .body("next_cursor", nullValue());
    }

    static Stream<Arguments> badPlays() {
        return Stream.of(
                Arguments.of("/api/v1/plays", "{\"record_id\": 1}", "track_id"),
                Arguments.of("/api/v1/plays", "{\"track_id\": 1, \"duration_played_ms\": -1}", "duration_played_ms"),
                Arguments.of("/api/v1/plays", "{\"track_id\": 1, \"completion_percentage\": 100.5}",
                        "completion_percentage"),
                Arguments.of("/api/v1/plays", "{\"track_id\": 1, \"completion_percentage\": -3}",
                        "completion_percentage"),
                Arguments.of("/api/v1/plays", "{\"track_id\": \"one\"}", "track_id"),
                Arguments.of("/api/v1/plays", "{\"track_id\": 1, \"action\": \"dance\"}", "action"),
                Arguments.of("/api/v1/plays", "{\"track_id\": 1, \"played_at\": \"2999-01-01T00:00:00Z\"}",
                        "played_at"),
                Arguments.of("/api/v1/plays/batch", "{\"plays\": []}", "plays"),
                Arguments.of("/api/v1/plays/batch", "{\"plays\": [{\"track_id\": 1}, {\"track_id\": 2, "
                        + "\"duration_played_ms\": -10}]}", "plays[1].duration_played_ms"),
                Arguments.of("/api/v1/plays/batch", oversizedBatch(), "plays"));
    }

    @ParameterizedTest
    @MethodSource("badPlays")
    void rejectsBadInputNamingTheFieldAndWritesNothing(String path, String body, String field) {
        long user = TestTokens.newUserId();
        assertNothingWrittenBy(user, () -> given().auth().oauth2(TestTokens.user(user)).contentType(ContentType.JSON)
                .body(body).post(path)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", org.hamcrest.Matchers.hasItem(field)));
    }

    static Stream<Arguments> playsBeforeTheRetentionHorizon() {
        String old = Instant.now().minus(Duration.ofDays(2 * 366)).toString();
        return Stream.of(
                Arguments.of("/api/v1/plays", "{\"track_id\": 1, \"played_at\": \"" + old + "\"}", "played_at"),
                Arguments.of("/api/v1/plays/batch", "{\"plays\": [{\"track_id\": 1}, {\"track_id\": 2, "
                        + "\"played_at\": \"" + old + "\"}]}", "plays[1].played_at"));
    }

    @ParameterizedTest
    @MethodSource("playsBeforeTheRetentionHorizon")
    void refusesAPlayOlderThanPlaysAreKeptNamingPlayedAtAndWritesNothing(String path, String body, String field) {
        long user = TestTokens.newUserId();
        assertNothingWrittenBy(user, () -> given().auth().oauth2(TestTokens.user(user)).contentType(ContentType.JSON)
                .body(body).post(path)
                .then().statusCode(422)
                .contentType("application/problem+json")
                .body("status", equalTo(422))
                .body("errors.field", org.hamcrest.Matchers.hasItem(field)));
    }

    @Test
    void acceptsAPlayJustInsideTheRetentionHorizon() {
        long user = TestTokens.newUserId();
        String recent = Instant.now().minus(Duration.ofDays(700)).toString();
        given().auth().oauth2(TestTokens.user(user)).contentType(ContentType.JSON)
                .body("{\"track_id\": 1, \"played_at\": \"" + recent + "\"}").post("/api/v1/plays")
                .then().statusCode(201);
    }

    @Test
    void rejectsMalformedJsonAndWritesNothing() {
        long user = TestTokens.newUserId();
        assertNothingWrittenBy(user, () -> given().auth().oauth2(TestTokens.user(user)).contentType(ContentType.JSON)
                .body("{\"track_id\": 1,").post("/api/v1/plays")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("https://rotation.dev/problems/malformed-request")));
    }

    @Test
    void refusesCallersWithoutAValidToken() {
        long user = TestTokens.newUserId();
        String body = "{\"track_id\": 1}";
        assertNothingWrittenBy(user, () -> {
            given().contentType(ContentType.JSON).body(body).post("/api/v1/plays")
                    .then().statusCode(401).contentType("application/problem+json");
            for (String token : List.of("not-a-jwt", TestTokens.expired(user),
                    TestTokens.withIssuer(user, "https://evil.example"),
                    TestTokens.withAudience(user, "https://elsewhere.example"))) {
                given().auth().oauth2(token).contentType(ContentType.JSON).body(body).post("/api/v1/plays")
                        .then().statusCode(401).contentType("application/problem+json");
            }
            given().get("/api/v1/plays").then().statusCode(401);
        });
    }

    /**
     * The refused requests leave no play and no event. The relay deletes outbox rows within
     * milliseconds, so the proof is on the topic: a valid marker play of the same user follows
     * the refused requests on the same partition (key = user), and when it arrives, it must be the
     * only event of that user.
     */
    private static void assertNothingWrittenBy(long user, Runnable refusedRequests) {
        try (KafkaTail tail = tailPlays()) {
            refusedRequests.run();
            given().auth().oauth2(TestTokens.user(user)).contentType(ContentType.JSON)
                    .body(Map.of("track_id", MARKER_TRACK)).post("/api/v1/plays").then().statusCode(201);

            List<ConsumerRecord<String, byte[]>> events = tail.await(byUser(user), 1, Duration.ofSeconds(20));
            assertThat(tail.drain(Duration.ofMillis(500)).stream().filter(byUser(user)).toList())
                    .as("the marker is the user's only event").hasSize(1);
            assertThat(trackOf(events.get(0))).isEqualTo(MARKER_TRACK);
        }
        assertThat(TestDatabase.count("select count(*) from play_history where user_id = ? and track_id <> ?",
                user, MARKER_TRACK)).isZero();
        assertThat(TestDatabase.count("select count(*) from play_history where user_id = ?", user)).isEqualTo(1);
    }

    private static String oversizedBatch() {
        StringBuilder body = new StringBuilder("{\"plays\": [");
        for (int i = 0; i <= 1000; i++) {
            body.append(i == 0 ? "" : ",").append("{\"track_id\": ").append(i + 1).append('}');
        }
        return body.append("]}").toString();
    }

    private static long trackOf(ConsumerRecord<String, byte[]> event) {
        List<JsonNode> plays = playsOf(event);
        assertThat(plays).hasSize(1);
        return plays.get(0).get("track_id").asLong();
    }

    private static List<JsonNode> playsOf(ConsumerRecord<String, byte[]> event) {
        try {
            List<JsonNode> plays = new ArrayList<>();
            RotationObjectMapper.create().readTree(event.value()).get("plays").forEach(plays::add);
            return plays;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static java.util.function.Predicate<ConsumerRecord<String, byte[]>> byUser(long user) {
        return r -> String.valueOf(user).equals(r.key());
    }

    private static KafkaTail tailPlays() {
        return new KafkaTail(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                Topics.USER_FEATURES_PLAYS);
    }
}
