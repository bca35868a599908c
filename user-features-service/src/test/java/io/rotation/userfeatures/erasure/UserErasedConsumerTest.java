package io.rotation.userfeatures.erasure;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.rotation.contracts.EventType;
import io.rotation.contracts.Topics;
import io.rotation.contracts.audit.AuditEntryRecorded;
import io.rotation.contracts.identity.UserErased;
import io.rotation.contracts.identity.UserRegistered;
import io.rotation.platform.event.CloudEventCodec;
import io.rotation.platform.event.CloudEventHeaders;
import io.rotation.platform.json.RotationObjectMapper;
import io.rotation.platform.testing.KafkaTail;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.TestDatabase;
import io.rotation.platform.testing.TestEvents;
import io.rotation.platform.testing.TestTokens;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(RotationStack.class)
class UserErasedConsumerTest {

    /** What one user holds, per table, as {@link #holdings} counts it. */
    private static final String[] TABLES = {"play_history", "favorites", "user_collections", "user_collection_items",
        "user_follows", "user_preferences", "feedback", "user_exports", "known_users"};

    private static TestEvents events;
    private static String topic;

    @BeforeAll
    static void open() {
        events = new TestEvents();
        topic = ConfigProvider.getConfig().getValue("mp.messaging.incoming.identity-users.topic", String.class);
    }

    @AfterAll
    static void close() {
        events.close();
    }

    @Test
    void erasesEverythingTheUserHoldsAndRecordsItOnceInTheAuditTrail() throws Exception {
        long erased = TestTokens.newUserId();
        long other = TestTokens.newUserId();
        long feedbackId = seed(erased, other);
        seed(other, erased);
        Map<String, Long> otherBefore = holdings(other);

        try (KafkaTail audit = new KafkaTail(bootstrap(), Topics.AUDIT_ENTRIES)) {
            sendErased(UUID.randomUUID(), erased, String.valueOf(erased));

            List<ConsumerRecord<String, byte[]>> entries = audit.await(auditOf(erased), 1, Duration.ofSeconds(30));
            assertThat(entries).hasSize(1);
            assertThat(holdings(erased)).allSatisfy((table, rows) -> assertThat(rows).as(table).isZero());
            // the reports stay, without their reporter
            assertThat(TestDatabase.rows("select user_id from feedback where id = ?", feedbackId))
                    .singleElement().satisfies(row -> assertThat(row.get("user_id")).isNull());
            // the other user keeps everything but the follows between them and the erased account
            Map<String, Long> otherAfter = holdings(other);
            assertThat(otherBefore.get("user_follows")).isEqualTo(3);
            assertThat(otherAfter.remove("user_follows")).isEqualTo(1);
            otherBefore.remove("user_follows");
            assertThat(otherAfter).isEqualTo(otherBefore);

            ConsumerRecord<String, byte[]> entry = entries.get(0);
            assertThat(CloudEventCodec.header(entry.headers(), CloudEventHeaders.TYPE))
                    .isEqualTo(EventType.AUDIT_ENTRY_RECORDED.type());
            JsonNode data = RotationObjectMapper.create().readTree(entry.value());
            assertThat(data.get("service").asText()).isEqualTo("user-features-service");
            assertThat(data.get("action").asText()).isEqualTo(AuditEntryRecorded.ACTION_USER_DATA_ERASED);
            assertThat(data.get("entity_type").asText()).isEqualTo("user");
            assertThat(data.get("entity_id").asText()).isEqualTo(String.valueOf(erased));
            assertThat(data.get("user_id").asLong()).isEqualTo(erased);
            assertThat(data.get("actor_type").asText()).isEqualTo("system");
            JsonNode counts = data.get("new_values");
            assertThat(counts.get("play_history").asInt()).isEqualTo(2);
            assertThat(counts.get("favorites").asInt()).isEqualTo(1);
            assertThat(counts.get("user_collections").asInt()).isEqualTo(1);
            assertThat(counts.get("user_collection_items").asInt()).isEqualTo(2);
            assertThat(counts.get("user_follows").asInt()).isEqualTo(3);
            assertThat(counts.get("user_preferences").asInt()).isEqualTo(1);
            assertThat(counts.get("feedback_anonymised").asInt()).isEqualTo(1);
            assertThat(counts.get("feedback_unassigned").asInt()).isEqualTo(1);
            assertThat(counts.get("user_exports").asInt()).isEqualTo(1);
            assertThat(counts.get("known_users").asInt()).isEqualTo(1);
            assertThat(audit.drain(Duration.ofSeconds(2)).stream().filter(auditOf(erased))).hasSize(1);
        }
    }

    @Test
    void erasesAReplayedUserErasedOnlyOnce() throws Exception {
        long erased = TestTokens.newUserId();
        long sentinel = TestTokens.newUserId();
        UUID eventId = UUID.randomUUID();
        seed(erased, TestTokens.newUserId());
        try (KafkaTail audit = new KafkaTail(bootstrap(), Topics.AUDIT_ENTRIES)) {
            sendErased(eventId, erased, String.valueOf(erased));
            assertThat(audit.await(auditOf(erased), 1, Duration.ofSeconds(30))).hasSize(1);

            // data that arrived after the erasure: a replay must not act again
            seedPlay(erased, 77);
            sendErased(eventId, erased, String.valueOf(erased));
            // a later event on the same key (same partition) shows the replay was consumed before it
            sendErased(UUID.randomUUID(), sentinel, String.valueOf(erased));

            assertThat(audit.await(auditOf(sentinel), 1, Duration.ofSeconds(30))).hasSize(1);
            assertThat(audit.drain(Duration.ofSeconds(2)).stream().filter(auditOf(erased))).hasSize(1);
            assertThat(TestDatabase.count("select count(*) from play_history where user_id = ?", erased)).isEqualTo(1);
        }
    }

    @Test
    void doesNotEraseOnUserRegisteredOnTheSameTopic() throws Exception {
        long registered = TestTokens.newUserId();
        long sentinel = TestTokens.newUserId();
        seed(registered, TestTokens.newUserId());
        Map<String, Long> before = holdings(registered);
        try (KafkaTail audit = new KafkaTail(bootstrap(), Topics.AUDIT_ENTRIES);
             KafkaTail deadLetters = new KafkaTail(bootstrap(), Topics.deadLetterOf(topic))) {
            events.send(topic, UUID.randomUUID(), EventType.USER_REGISTERED, String.valueOf(registered),
                    new UserRegistered(registered, "someone", "general_user", Instant.now()));
            sendErased(UUID.randomUUID(), sentinel, String.valueOf(registered));

            assertThat(audit.await(auditOf(sentinel), 1, Duration.ofSeconds(30))).hasSize(1);
            assertThat(audit.drain(Duration.ofSeconds(1)).stream().filter(auditOf(registered))).isEmpty();
            assertThat(holdings(registered)).isEqualTo(before);
            assertThat(deadLetters.drain(Duration.ofSeconds(1))).isEmpty();
        }
    }

    @Test
    void refusesPlaysFromTheStillValidTokenOfAnErasedUser() {
        long erased = TestTokens.newUserId();
        String token = TestTokens.user(erased);
        try (KafkaTail audit = new KafkaTail(bootstrap(), Topics.AUDIT_ENTRIES)) {
            sendErased(UUID.randomUUID(), erased, String.valueOf(erased));
            assertThat(audit.await(auditOf(erased), 1, Duration.ofSeconds(30))).hasSize(1);
        }

        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("track_id", 5))
                .post("/api/v1/plays").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("plays", List.of(Map.of("track_id", 5), Map.of("track_id", 6))))
                .post("/api/v1/plays/batch").then().statusCode(401).contentType("application/problem+json");
        assertThat(TestDatabase.count("select count(*) from play_history where user_id = ?", erased)).isZero();
        // someone else still plays
        given().auth().oauth2(TestTokens.user(TestTokens.newUserId())).contentType(ContentType.JSON)
                .body(Map.of("track_id", 5)).post("/api/v1/plays").then().statusCode(201);
    }

    private static void sendErased(UUID eventId, long userId, String key) {
        events.send(topic, eventId, EventType.USER_ERASED, key, new UserErased(userId, Instant.now()));
    }

    private static Predicate<ConsumerRecord<String, byte[]>> auditOf(long userId) {
        return r -> ("user:" + userId).equals(r.key()) && userIdOf(r) == userId;
    }

    private static long userIdOf(ConsumerRecord<String, byte[]> record) {
        try {
            JsonNode data = RotationObjectMapper.create().readTree(record.value());
            return data.path("user_id").asLong(-1);
        } catch (IOException e) {
            return -1;
        }
    }

    /**
     * Gives {@code user} two plays, a favorite, a collection with two items, two follows (a store and
     * {@code peer}), preferences, a report, and an item assigned to them; {@code peer} follows them.
     * @return the id of the report {@code user} filed
     */
    private static long seed(long user, long peer) {
        seedPlay(user, 1);
        seedPlay(user, 2);
        TestDatabase.update("insert into favorites (user_id, favoritable_type, favoritable_id) values (?, 'record', 5)",
                user);
        long collection = (Long) TestDatabase.rows(
                "insert into user_collections (user_id, name) values (?, 'Sunday') returning id", user)
                .get(0).get("id");
        TestDatabase.update("""
                insert into user_collection_items (collection_id, track_id, position)
                values (?, 10, 0), (?, 11, 1)""", collection, collection);
        TestDatabase.update("""
                insert into user_follows (follower_id, followee_type, followee_id)
                values (?, 'store', 3), (?, 'user', ?)""", user, user, peer);
        TestDatabase.update("insert into user_preferences (user_id, theme) values (?, 'dark')", user);
        io.rotation.userfeatures.Library.export(user);
        io.rotation.userfeatures.Library.user(user);
        TestDatabase.update("""
                insert into feedback (user_id, assigned_to, feedback_type, title)
                values (null, ?, 'bug_report', 'assigned to them')""", user);
        return (Long) TestDatabase.rows("""
                insert into feedback (user_id, feedback_type, title) values (?, 'bad_match', 'wrong video')
                returning id""", user).get(0).get("id");
    }

    private static void seedPlay(long user, long track) {
        TestDatabase.update("insert into play_history (user_id, track_id, played_at) values (?, ?, ?)", user, track,
                Timestamp.from(Instant.now().minus(Duration.ofDays(1))));
    }

    /** Rows each table holds of the user (as owner, follower or followee, reporter or assignee). */
    private static Map<String, Long> holdings(long user) {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String table : TABLES) {
            String where = switch (table) {
                case "user_collection_items" -> "collection_id in (select id from user_collections where user_id = ?)";
                case "user_follows" -> "follower_id = ? or (followee_type = 'user' and followee_id = ?)";
                case "feedback" -> "user_id = ? or assigned_to = ?";
                default -> "user_id = ?";
            };
            Object[] args = new Object[(int) where.chars().filter(c -> c == '?').count()];
            Arrays.fill(args, user);
            rows.put(table, TestDatabase.count("select count(*) from " + table + " where " + where, args));
        }
        return rows;
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }
}
