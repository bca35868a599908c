package io.rotation.userfeatures.feedback;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.rotation.contracts.EventType;
import io.rotation.contracts.Topics;
import io.rotation.platform.testing.KafkaTail;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.TestDatabase;
import io.rotation.platform.testing.TestTokens;
import io.rotation.userfeatures.Events;
import io.rotation.userfeatures.Library;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(RotationStack.class)
class FeedbackResourceTest {

    @Test
    void storesABadMatchReportAndAnnouncesItForMatching() {
        long user = TestTokens.newUserId();
        long track = Library.track(200);
        long match = Library.match(track, "auto_approved");
        try (KafkaTail tail = Events.tail(Topics.USER_FEATURES_FEEDBACK)) {
            long id = as(user).body(Map.of("feedback_type", "bad_match", "title", "Wrong video", "entity_type", "track",
                            "entity_id", track, "audio_match_id", match))
                    .post("/api/v1/feedback").then().statusCode(201).body("status", equalTo("open"))
                    .body("user_id", equalTo(user)).extract().jsonPath().getLong("id");
            JsonNode event = Events.data(tail.await(Events.of(EventType.FEEDBACK_SUBMITTED, id), 1,
                    Duration.ofSeconds(20)).get(0));
            assertThat(event.get("feedback_type").asText()).isEqualTo("bad_match");
            assertThat(event.get("audio_match_id").asLong()).isEqualTo(match);
            assertThat(event.get("user_id").asLong()).isEqualTo(user);
        }
    }

    @Test
    void refusesReportsOfNothingAndWritesNothing() {
        long user = TestTokens.newUserId();
        as(user).body(Map.of("feedback_type", "bad_match", "title", "No match named"))
                .post("/api/v1/feedback").then().statusCode(400).body("errors[0].field", equalTo("audio_match_id"));
        as(user).body(Map.of("feedback_type", "bad_match", "title", "Gone", "audio_match_id", TestTokens.newUserId()))
                .post("/api/v1/feedback").then().statusCode(422).contentType("application/problem+json")
                .body("errors[0].field", equalTo("audio_match_id"));
        as(user).body(Map.of("feedback_type", "wrong_metadata", "title", "Who", "entity_type", "record",
                        "entity_id", TestTokens.newUserId()))
                .post("/api/v1/feedback").then().statusCode(422).body("errors[0].field", equalTo("entity_id"));
        as(user).body(Map.of("feedback_type", "rant", "title", "x")).post("/api/v1/feedback")
                .then().statusCode(400).body("errors[0].field", equalTo("feedback_type"));
        as(user).body(Map.of("feedback_type", "other", "title", "x", "entity_type", "track"))
                .post("/api/v1/feedback").then().statusCode(400).body("errors[0].field", equalTo("entity_id"));
        assertThat(TestDatabase.count("select count(*) from feedback where user_id = ?", user)).isZero();
    }

    @Test
    void showsReportersTheirOwnAndAdminsEverything() {
        long reporter = TestTokens.newUserId();
        long other = TestTokens.newUserId();
        long mine = Library.feedback(reporter);
        long theirs = Library.feedback(other);
        as(reporter).get("/api/v1/feedback").then().statusCode(200)
                .body("items.user_id", everyItem(equalTo(reporter))).body("items.id", contains((int) mine));
        as(reporter).get("/api/v1/feedback/" + theirs).then().statusCode(404).contentType("application/problem+json");
        as(reporter).get("/api/v1/feedback/" + mine).then().statusCode(200);
        admin().get("/api/v1/feedback/" + theirs).then().statusCode(200);
        admin().get("/api/v1/feedback?status=open&limit=200").then().statusCode(200)
                .body("items.status", everyItem(equalTo("open")));
        admin().get("/api/v1/feedback?status=closed").then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
    }

    @Test
    void letsAdminsTriageWithAResolutionNote() {
        long reporter = TestTokens.newUserId();
        long staff = TestTokens.newUserId();
        Library.user(staff);
        long id = Library.feedback(reporter);
        as(reporter).body(Map.of("status", "resolved")).patch("/api/v1/feedback/" + id).then().statusCode(403);

        admin().body(Map.of("status", "in_review", "assigned_to", staff, "priority", "high"))
                .patch("/api/v1/feedback/" + id).then().statusCode(200).body("status", equalTo("in_review"))
                .body("assigned_to", equalTo(staff)).body("resolved_at", nullValue());
        admin().body(Map.of("status", "resolved")).patch("/api/v1/feedback/" + id)
                .then().statusCode(400).body("errors[0].field", equalTo("resolution"));
        admin().body(Map.of("assigned_to", TestTokens.newUserId())).patch("/api/v1/feedback/" + id)
                .then().statusCode(422).body("errors[0].field", equalTo("assigned_to"));
        admin().body(Map.of("title", "rewritten")).patch("/api/v1/feedback/" + id)
                .then().statusCode(400).body("errors[0].field", equalTo("title"));
        admin().body(Map.of("status", "resolved", "resolution", "Match replaced")).patch("/api/v1/feedback/" + id)
                .then().statusCode(200).body("status", equalTo("resolved")).body("resolved_at", notNullValue())
                .body("resolution", equalTo("Match replaced"));
        admin().body(Map.of("status", "resolved", "resolution", "Match replaced")).patch("/api/v1/feedback/" + id)
                .then().statusCode(200).body("status", equalTo("resolved"));
        admin().body("{\"assigned_to\": null, \"status\": \"open\"}").patch("/api/v1/feedback/" + id)
                .then().statusCode(200).body("assigned_to", nullValue()).body("resolved_at", nullValue());
        as(reporter).get("/api/v1/feedback/" + id).then().statusCode(200).body("resolution", equalTo("Match replaced"));
    }

    @Test
    void auditsEveryTriageWithTheAdminTheOldAndNewStatusTheRequestIdAndTheClientAddressButNotARefusedOne() {
        long reporter = TestTokens.newUserId();
        long staff = TestTokens.newUserId();
        long adminId = TestTokens.newUserId();
        Library.user(staff);
        long id = Library.feedback(reporter);
        String requestId = "req-" + UUID.randomUUID();
        List<JsonNode> entries;
        try (KafkaTail tail = Events.tail(Topics.AUDIT_ENTRIES)) {
            // the test calls from loopback, a trusted proxy like the gateway: its X-Forwarded-For is believed
            given().auth().oauth2(TestTokens.admin(adminId)).contentType(ContentType.JSON)
                    .header("X-Request-Id", requestId).header("X-Forwarded-For", "203.0.113.9")
                    .body(Map.of("status", "in_review", "assigned_to", staff))
                    .patch("/api/v1/feedback/" + id).then().statusCode(200);
            given().auth().oauth2(TestTokens.admin(adminId)).contentType(ContentType.JSON)
                    .header("X-Request-Id", "refused-" + requestId).body(Map.of("status", "dismissed"))
                    .patch("/api/v1/feedback/" + id).then().statusCode(400);
            given().auth().oauth2(TestTokens.admin(adminId)).contentType(ContentType.JSON)
                    .header("X-Request-Id", requestId + "-2")
                    .body(Map.of("status", "resolved", "resolution", "Match replaced"))
                    .patch("/api/v1/feedback/" + id).then().statusCode(200);
            tail.await(Events.of(EventType.AUDIT_ENTRY_RECORDED, "feedback:" + id), 2, Duration.ofSeconds(20));
            entries = tail.drain(Duration.ofSeconds(3)).stream()
                    .filter(Events.of(EventType.AUDIT_ENTRY_RECORDED, "feedback:" + id)).map(Events::data).toList();
        }
        assertThat(entries).hasSize(2);
        JsonNode review = entries.get(0);
        assertThat(review.get("service").asText()).isEqualTo("user-features-service");
        assertThat(review.get("action").asText()).isEqualTo("feedback_triaged");
        assertThat(review.get("entity_type").asText()).isEqualTo("feedback");
        assertThat(review.get("entity_id").asText()).isEqualTo(String.valueOf(id));
        assertThat(review.get("user_id").asLong()).isEqualTo(adminId);
        assertThat(review.get("actor_type").asText()).isEqualTo("user");
        assertThat(review.get("request_id").asText()).isEqualTo(requestId);
        assertThat(review.get("ip_address").asText()).isEqualTo("203.0.113.9");
        assertThat(review.at("/old_values/status").asText()).isEqualTo("open");
        assertThat(review.at("/new_values/status").asText()).isEqualTo("in_review");
        assertThat(review.at("/new_values/assigned_to").asLong()).isEqualTo(staff);
        JsonNode resolve = entries.get(1);
        assertThat(resolve.get("request_id").asText()).isEqualTo(requestId + "-2");
        assertThat(resolve.get("ip_address").asText()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1", "::1");
        assertThat(resolve.at("/old_values/status").asText()).isEqualTo("in_review");
        assertThat(resolve.at("/new_values/status").asText()).isEqualTo("resolved");
        assertThat(resolve.at("/new_values/has_resolution").asBoolean()).isTrue();
    }

    private static RequestSpecification as(long user) {
        return given().auth().oauth2(TestTokens.user(user)).contentType(ContentType.JSON);
    }

    private static RequestSpecification admin() {
        return given().auth().oauth2(TestTokens.admin(TestTokens.newUserId())).contentType(ContentType.JSON);
    }
}
