package io.rotation.userfeatures.export;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.rotation.contracts.EventType;
import io.rotation.contracts.Topics;
import io.rotation.contracts.export.UserExportPartReady;
import io.rotation.platform.testing.KafkaTail;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.TestDatabase;
import io.rotation.platform.testing.TestEvents;
import io.rotation.platform.testing.TestTokens;
import io.rotation.userfeatures.Events;
import io.rotation.userfeatures.Library;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(RotationStack.class)
class ExportResourceTest {

    private static final List<String> OTHERS = List.of("identity-service", "analytics-service", "matching-service",
            "config-service");

    @Test
    void gathersEveryServicesPartIntoOneDocumentForItsOwnerOnly() {
        long user = TestTokens.newUserId();
        long track = Library.track(180);
        given().auth().oauth2(TestTokens.user(user)).put("/api/v1/favorites/track/" + track).then().statusCode(201);
        long collection = Library.collection(user, "Export me", false);
        Library.item(collection, track, 0);

        String id;
        try (KafkaTail tail = Events.tail(Topics.USER_FEATURES_EXPORTS)) {
            id = given().auth().oauth2(TestTokens.user(user)).post("/api/v1/users/me/export")
                    .then().statusCode(202).body("status", equalTo("pending"))
                    .body("received", contains("user-features-service")).extract().path("id");
            // a repeat while it is pending is the same export
            given().auth().oauth2(TestTokens.user(user)).post("/api/v1/users/me/export")
                    .then().statusCode(202).body("id", equalTo(id));
            JsonNode request = Events.data(tail.await(Events.of(EventType.USER_EXPORT_REQUESTED, user), 1,
                    Duration.ofSeconds(20)).get(0));
            assertThat(request.get("export_id").asText()).isEqualTo(id);
            assertThat(tail.drain(Duration.ofSeconds(2)).stream()
                    .filter(Events.of(EventType.USER_EXPORT_REQUESTED, user))).hasSize(1);
        }
        given().auth().oauth2(TestTokens.user(user)).get("/api/v1/users/me/export/" + id)
                .then().statusCode(202).body("waiting_for", hasItem("identity-service"));

        try (TestEvents events = new TestEvents()) {
            String topic = Events.channelTopic("export-parts");
            for (String service : OTHERS) {
                UserExportPartReady part = new UserExportPartReady(id, user, service, Map.of("from", service),
                        Instant.now());
                UUID eventId = UUID.randomUUID();
                events.send(topic, eventId, EventType.USER_EXPORT_PART_READY, String.valueOf(user), part);
                events.send(topic, eventId, EventType.USER_EXPORT_PART_READY, String.valueOf(user), part);
            }
            // a part claiming another user's export is dropped
            events.send(topic, UUID.randomUUID(), EventType.USER_EXPORT_PART_READY, String.valueOf(user + 1),
                    new UserExportPartReady(id, user + 1, "identity-service", Map.of("from", "forged"), Instant.now()));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(TestTokens.user(user))
                .get("/api/v1/users/me/export/" + id).statusCode() == 200);
        Response document = given().auth().oauth2(TestTokens.user(user)).get("/api/v1/users/me/export/" + id);
        document.then().body("status", equalTo("ready"))
                .body("services.identity-service.from", equalTo("identity-service"))
                .body("services.config-service.from", equalTo("config-service"))
                .body("services.user-features-service.favorites[0].id", equalTo(track))
                .body("services.user-features-service.collections[0].name", equalTo("Export me"))
                .body("services.user-features-service.collections[0].items[0].track_id", equalTo(track));

        given().auth().oauth2(TestTokens.user(TestTokens.newUserId())).get("/api/v1/users/me/export/" + id)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.user(user)).get("/api/v1/users/me/export/not-a-uuid")
                .then().statusCode(400).contentType("application/problem+json");
        assertThat(TestDatabase.count("select count(*) from user_export_parts where export_id = ?::uuid", id))
                .isEqualTo(5);
    }

    @Test
    void aPartSentInChunksIsCompleteOnlyWithEveryChunkAndIsMergedInChunkOrderWithoutRedeliveredDuplicates() {
        long user = TestTokens.newUserId();
        String id = given().auth().oauth2(TestTokens.user(user)).post("/api/v1/users/me/export")
                .then().statusCode(202).extract().path("id");
        String topic = Events.channelTopic("export-parts");
        try (TestEvents events = new TestEvents()) {
            for (String service : List.of("identity-service", "matching-service", "config-service")) {
                events.send(topic, UUID.randomUUID(), EventType.USER_EXPORT_PART_READY, String.valueOf(user),
                        new UserExportPartReady(id, user, service, Map.of("from", service), Instant.now()));
            }
            // analytics' part in three chunks: its list continues from chunk to chunk
            List<UserExportPartReady> chunks = List.of(
                    chunk(id, user, 1, Map.of("usage_events", List.of(1, 2), "total", 5)),
                    chunk(id, user, 2, Map.of("usage_events", List.of(3, 4))),
                    chunk(id, user, 3, Map.of("usage_events", List.of(5), "jobs_started", List.of())));
            UUID third = UUID.randomUUID();
            events.send(topic, third, EventType.USER_EXPORT_PART_READY, String.valueOf(user), chunks.get(2));
            events.send(topic, UUID.randomUUID(), EventType.USER_EXPORT_PART_READY, String.valueOf(user),
                    chunks.get(0));
            // redelivered: the same event again, and the same chunk under a new event id
            events.send(topic, third, EventType.USER_EXPORT_PART_READY, String.valueOf(user), chunks.get(2));
            events.send(topic, UUID.randomUUID(), EventType.USER_EXPORT_PART_READY, String.valueOf(user),
                    chunks.get(0));
            await().atMost(Duration.ofSeconds(30)).until(() -> TestDatabase.count(
                    "select count(*) from user_export_parts where export_id = ?::uuid", id) == 6);
            // chunk 2 is missing: analytics has not answered yet
            given().auth().oauth2(TestTokens.user(user)).get("/api/v1/users/me/export/" + id)
                    .then().statusCode(202).body("waiting_for", contains("analytics-service"));

            events.send(topic, UUID.randomUUID(), EventType.USER_EXPORT_PART_READY, String.valueOf(user),
                    chunks.get(1));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(TestTokens.user(user))
                .get("/api/v1/users/me/export/" + id).statusCode() == 200);
        Response document = given().auth().oauth2(TestTokens.user(user)).get("/api/v1/users/me/export/" + id);
        assertThat(document.jsonPath().getList("services.analytics-service.usage_events", Integer.class))
                .containsExactly(1, 2, 3, 4, 5);
        assertThat(document.jsonPath().getInt("services.analytics-service.total")).isEqualTo(5);
        assertThat(document.jsonPath().getList("services.analytics-service.jobs_started")).isEmpty();
        document.then().body("services.identity-service.from", equalTo("identity-service"));
        assertThat(TestDatabase.count("select count(*) from user_export_parts where export_id = ?::uuid", id))
                .isEqualTo(7);
    }

    private static UserExportPartReady chunk(String id, long user, int n, Map<String, Object> data) {
        return new UserExportPartReady(id, user, "analytics-service", data, Instant.now(), n, 3);
    }
}
