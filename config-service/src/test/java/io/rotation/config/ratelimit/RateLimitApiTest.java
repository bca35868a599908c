package io.rotation.config.ratelimit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.rotation.contracts.Topics;
import io.rotation.platform.testing.KafkaTail;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.TestDatabase;
import io.rotation.platform.testing.TestTokens;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** /api/v1/rate-limits: rules administered by admins, published and audited, enforced with 429 at once. */
@QuarkusTest
@WithTestResource(RotationStack.class)
class RateLimitApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String LIMITED = "GET /api/v1/flags/evaluate";
    private final String admin = TestTokens.admin(TestTokens.newUserId());

    @Test
    void aCallerOverTheLimitGets429WithRetryAfterWhileOthersPass() {
        long userId = TestTokens.newUserId();
        String user = TestTokens.user(userId);
        long rule = create(Map.of("identifier_type", "user", "identifier", String.valueOf(userId),
                "endpoint_pattern", LIMITED, "max_requests", 3, "window_seconds", 60));
        try {
            for (int remaining = 2; remaining >= 0; remaining--) {
                given().auth().oauth2(user).get("/api/v1/flags/evaluate").then().statusCode(200)
                        .header("RateLimit-Limit", "3").header("RateLimit-Remaining", String.valueOf(remaining));
            }
            Response refused = given().auth().oauth2(user).get("/api/v1/flags/evaluate");
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.jsonPath().getString("detail")).contains("rate-limit rule " + rule);
            assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 60);
            assertThat(refused.header("RateLimit-Remaining")).isEqualTo("0");

            given().auth().oauth2(TestTokens.user(TestTokens.newUserId())).get("/api/v1/flags/evaluate")
                    .then().statusCode(200).header("RateLimit-Limit", (String) null);
        } finally {
            delete(rule);
        }
    }

    @Test
    void aRuleForOneCallerReplacesTheRuleForEveryCallerOnTheSameEndpoints() {
        long userId = TestTokens.newUserId();
        String pattern = "GET /api/v1/flags/evaluate*";
        long everyone = create(Map.of("identifier_type", "user", "endpoint_pattern", pattern, "max_requests", 1000,
                "window_seconds", 60));
        long one = create(Map.of("identifier_type", "user", "identifier", String.valueOf(userId),
                "endpoint_pattern", pattern, "max_requests", 1, "window_seconds", 60));
        try {
            String user = TestTokens.user(userId);
            given().auth().oauth2(user).get("/api/v1/flags/evaluate").then().statusCode(200).header("RateLimit-Limit", "1");
            given().auth().oauth2(user).get("/api/v1/flags/evaluate").then().statusCode(429);
            given().auth().oauth2(TestTokens.user(TestTokens.newUserId())).get("/api/v1/flags/evaluate")
                    .then().statusCode(200).header("RateLimit-Limit", "1000");
        } finally {
            delete(one);
            delete(everyone);
        }
    }

    @Test
    void aChangedRuleAppliesAtOnceAndADeletedOneNoLonger() {
        long userId = TestTokens.newUserId();
        String user = TestTokens.user(userId);
        long rule = create(Map.of("identifier_type", "user", "identifier", String.valueOf(userId),
                "endpoint_pattern", LIMITED, "max_requests", 1, "window_seconds", 60));
        given().auth().oauth2(user).get("/api/v1/flags/evaluate").then().statusCode(200);
        given().auth().oauth2(user).get("/api/v1/flags/evaluate").then().statusCode(429);

        given().auth().oauth2(admin).contentType("application/json").body(Map.of("max_requests", 5))
                .patch("/api/v1/rate-limits/" + rule).then().statusCode(200).body("max_requests", equalTo(5));
        given().auth().oauth2(user).get("/api/v1/flags/evaluate").then().statusCode(200).header("RateLimit-Limit", "5");

        delete(rule);
        given().auth().oauth2(user).get("/api/v1/flags/evaluate").then().statusCode(200).header("RateLimit-Limit", (String) null);
        given().auth().oauth2(admin).get("/api/v1/rate-limits/" + rule).then().statusCode(404);
    }

    @Test
    void everyChangeIsPublishedOnTheCompactedTopicAndAudited() throws Exception {
        long userId = TestTokens.newUserId();
        try (KafkaTail rules = tail(Topics.CONFIG_RATE_LIMITS); KafkaTail audit = tail(Topics.AUDIT_ENTRIES)) {
            long rule = create(Map.of("identifier_type", "user", "identifier", String.valueOf(userId),
                    "endpoint_pattern", LIMITED, "max_requests", 7, "window_seconds", 30, "block_seconds", 90));
            delete(rule);

            List<ConsumerRecord<String, byte[]>> changes = rules.await(r -> String.valueOf(rule).equals(r.key()), 2,
                    Duration.ofSeconds(20));
            JsonNode created = JSON.readTree(changes.get(0).value());
            assertThat(created.path("max_requests").asInt()).isEqualTo(7);
            assertThat(created.path("block_seconds").asInt()).isEqualTo(90);
            assertThat(created.path("deleted").asBoolean()).isFalse();
            assertThat(JSON.readTree(changes.get(1).value()).path("deleted").asBoolean()).isTrue();
            List<ConsumerRecord<String, byte[]>> entries = audit.await(r -> ("rate_limit:" + rule).equals(r.key()), 2,
                    Duration.ofSeconds(20));
            assertThat(entries).extracting(r -> JSON.readTree(r.value()).path("action").asText())
                    .containsExactly("rate_limit_created", "rate_limit_deleted");
        }
    }

    @Test
    void anInvalidRuleIsRefusedNamingEachFieldAndNothingIsWritten() {
        long before = TestDatabase.count("select count(*) from rate_limits");
        Map<String, Object> bad = new HashMap<>();
        bad.put("identifier_type", "planet");
        bad.put("endpoint_pattern", "records?q=x");
        bad.put("max_requests", 0);
        bad.put("window_seconds", 100_000);
        bad.put("block_seconds", -1);
        given().auth().oauth2(admin).contentType("application/json").body(bad).post("/api/v1/rate-limits")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("identifier_type", "endpoint_pattern", "max_requests", "window_seconds",
                        "block_seconds"));
        given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("identifier_type", "user", "identifier", "alice", "endpoint_pattern", "*",
                        "max_requests", 1, "window_seconds", 1))
                .post("/api/v1/rate-limits").then().statusCode(400).body("errors[0].field", equalTo("identifier"));
        given().auth().oauth2(admin).get("/api/v1/rate-limits/abc").then().statusCode(400);
        assertThat(TestDatabase.count("select count(*) from rate_limits")).isEqualTo(before);
    }

    @Test
    void theSuiteShipsDefaultRulesForThePlayBatchAndSearch() {
        List<String> patterns = given().auth().oauth2(admin).get("/api/v1/rate-limits?limit=200").then().statusCode(200)
                .extract().jsonPath().getList("items.endpoint_pattern");
        assertThat(patterns).contains("POST /api/v1/plays/batch", "GET /api/v1/records");
    }

    private long create(Map<String, Object> body) {
        return given().auth().oauth2(admin).contentType("application/json").body(body).post("/api/v1/rate-limits")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private void delete(long rule) {
        given().auth().oauth2(admin).delete("/api/v1/rate-limits/" + rule).then().statusCode(204);
    }

    private static KafkaTail tail(String topic) {
        return new KafkaTail(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class), topic);
    }
}
