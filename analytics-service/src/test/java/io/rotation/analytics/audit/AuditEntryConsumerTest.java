package io.rotation.analytics.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.rotation.contracts.EventType;
import io.rotation.contracts.Topics;
import io.rotation.contracts.audit.AuditEntryRecorded;
import io.rotation.platform.event.CloudEventCodec;
import io.rotation.platform.event.CloudEventHeaders;
import io.rotation.platform.testing.KafkaTail;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.TestDatabase;
import io.rotation.platform.testing.TestEvents;
import io.rotation.platform.testing.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(RotationStack.class)
class AuditEntryConsumerTest {

    private static final long ADMIN = 1;

    private static TestEvents events;
    private static String topic;

    @BeforeAll
    static void open() {
        events = new TestEvents();
        topic = ConfigProvider.getConfig().getValue("mp.messaging.incoming.audit-entries.topic", String.class);
    }

    @AfterAll
    static void close() {
        events.close();
    }

    @Test
    void storesARedeliveredAuditEntryOnce() {
        String store = uniqueId();
        long user = TestTokens.newUserId();
        UUID eventId = UUID.randomUUID();
        Instant at = Instant.now().minusSeconds(5).truncatedTo(ChronoUnit.MICROS);
        AuditEntryRecorded entry = new AuditEntryRecorded("identity-service", "store_status_changed", "store", store,
                user, "user", Map.of("status", "pending"), Map.of("status", "active"), "req-1", at);
        send(eventId, entry);
        send(eventId, entry);
        // a later entry on the same key (same partition) shows the redelivery was consumed before it
        send(UUID.randomUUID(), new AuditEntryRecorded("identity-service", "store_renamed", "store", store, user,
                "user", null, Map.of("name", "B"), null, at.plusSeconds(1)));

        JsonPath page = awaitEntries("entity_type=store&entity_id=" + store, 2);
        assertThat(page.getList("items.action", String.class)).containsExactly("store_renamed", "store_status_changed");
        assertThat(page.getString("items[1].event_id")).isEqualTo(eventId.toString());
        assertThat(page.getLong("items[1].user_id")).isEqualTo(user);
        assertThat(page.getString("items[1].service")).isEqualTo("identity-service");
        assertThat(page.getString("items[1].actor_type")).isEqualTo("user");
        assertThat(page.getString("items[1].old_values.status")).isEqualTo("pending");
        assertThat(page.getString("items[1].new_values.status")).isEqualTo("active");
        assertThat(page.getString("items[1].request_id")).isEqualTo("req-1");
        assertThat(Instant.parse(page.getString("items[1].occurred_at"))).isEqualTo(at);
        assertThat(page.getString("items[0].old_values")).isNull();
        assertThat(TestDatabase.count("select count(*) from audit_logs where event_id = ?", eventId)).isEqualTo(1);
    }

    @Test
    void storesTheRequestsClientAddressAndLeavesOutOneThatIsNotAnAddress() {
        String store = uniqueId();
        long user = TestTokens.newUserId();
        Instant at = Instant.now().minusSeconds(5).truncatedTo(ChronoUnit.MICROS);
        send(UUID.randomUUID(), new AuditEntryRecorded("user-features-service", "feedback_triaged", "store", store,
                user, "user", Map.of("status", "open"), Map.of("status", "in_review"), "req-a", at, "203.0.113.9"));
        send(UUID.randomUUID(), new AuditEntryRecorded("user-features-service", "feedback_triaged", "store", store,
                user, "user", null, Map.of("status", "resolved"), "req-b", at.plusSeconds(1), "not-an-address"));

        JsonPath page = awaitEntries("entity_type=store&entity_id=" + store, 2);
        assertThat(page.getString("items[1].request_id")).isEqualTo("req-a");
        assertThat(page.getString("items[1].ip_address")).isEqualTo("203.0.113.9");
        assertThat(page.getString("items[0].request_id")).isEqualTo("req-b");
        assertThat(page.getString("items[0].ip_address")).isNull();
    }

    @Test
    void listsTheTrailNewestFirstInCursorPagesFilteredByUserAndAction() {
        long user = TestTokens.newUserId();
        Instant t0 = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        for (int i = 0; i < 3; i++) {
            send(UUID.randomUUID(), new AuditEntryRecorded("config-service", "setting_changed", "setting", "k" + i,
                    user, "user", null, Map.of("value", i), null, t0.plusSeconds(i)));
        }
        send(UUID.randomUUID(), new AuditEntryRecorded("config-service", "flag_changed", "flag", "f", user, "user",
                null, null, null, t0.plusSeconds(10)));
        awaitEntries("user_id=" + user, 4);

        JsonPath first = list("user_id=" + user + "&action=setting_changed&limit=2");
        assertThat(first.getList("items.entity_id", String.class)).containsExactly("k2", "k1");
        String cursor = first.getString("next_cursor");
        assertThat(cursor).isNotBlank();
        JsonPath second = list("user_id=" + user + "&action=setting_changed&limit=2&cursor=" + cursor);
        assertThat(second.getList("items.entity_id", String.class)).containsExactly("k0");
        assertThat(second.getString("next_cursor")).isNull();
    }

    @Test
    void parksAnEntryWithAnUnknownOrMissingActorOnTheDeadLetterTopicAndMovesOn() {
        String store = uniqueId();
        try (KafkaTail deadLetters = new KafkaTail(bootstrap(), Topics.deadLetterOf(topic))) {
            send(UUID.randomUUID(), new AuditEntryRecorded("identity-service", "store_renamed", "store", store, null,
                    "robot", null, null, null, Instant.now()));
            send(UUID.randomUUID(), new AuditEntryRecorded("identity-service", "store_renamed", "store", store, null,
                    null, null, null, null, Instant.now()));
            send(UUID.randomUUID(), new AuditEntryRecorded("identity-service", "store_renamed", "store", store, null,
                    "service", null, null, null, Instant.now()));

            awaitEntries("entity_type=store&entity_id=" + store, 1);
            var parked = deadLetters.await(r -> ("store:" + store).equals(r.key()), 2, Duration.ofSeconds(20));
            assertThat(parked).hasSize(2);
            assertThat(parked).allSatisfy(letter -> assertThat(CloudEventCodec.header(letter.headers(),
                    CloudEventHeaders.DLQ_ERROR)).contains("actor_type"));
        }
    }

    @Test
    void theTrailIsForAdminsOnly() {
        given().get("/api/v1/audit-logs").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.user(7)).get("/api/v1/audit-logs")
                .then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.admin(ADMIN)).get("/api/v1/audit-logs").then().statusCode(200);
    }

    @Test
    void answersBadFiltersWithAProblemNamingTheField() {
        String admin = TestTokens.admin(ADMIN);
        given().auth().oauth2(admin).queryParam("user_id", "me").get("/api/v1/audit-logs")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("user_id"));
        given().auth().oauth2(admin).queryParam("limit", 0).get("/api/v1/audit-logs")
                .then().statusCode(400).body("errors[0].field", equalTo("limit"));
        given().auth().oauth2(admin).queryParam("cursor", "bm90IGEgY3Vyc29y").get("/api/v1/audit-logs")
                .then().statusCode(400).body("errors[0].field", equalTo("cursor"));
    }

    private static void send(UUID eventId, AuditEntryRecorded entry) {
        events.send(topic, eventId, EventType.AUDIT_ENTRY_RECORDED, entry.entityType() + ":" + entry.entityId(),
                entry);
    }

    private static JsonPath awaitEntries(String query, int count) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> list(query).getList("items").size() >= count);
        JsonPath page = list(query);
        assertThat(page.getList("items")).hasSize(count);
        return page;
    }

    private static JsonPath list(String query) {
        return given().auth().oauth2(TestTokens.admin(ADMIN)).get("/api/v1/audit-logs?" + query)
                .then().statusCode(200).extract().jsonPath();
    }

    private static String uniqueId() {
        return UUID.randomUUID().toString();
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }
}
