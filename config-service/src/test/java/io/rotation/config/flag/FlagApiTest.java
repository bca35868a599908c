package io.rotation.config.flag;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rotation.contracts.Topics;
import io.rotation.platform.flags.StickinessHash;
import io.rotation.platform.testing.KafkaTail;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.TestDatabase;
import io.rotation.platform.testing.TestTokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** /api/v1/flags: administration with history, events and audit; Unleash import/export; evaluation. */
@QuarkusTest
@WithTestResource(RotationStack.class)
class FlagApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final long adminId = TestTokens.newUserId();
    private final String admin = TestTokens.admin(adminId);

    @Test
    void aFlagChangesAuditEntryNamesTheAdminTheRequestIdAndTheClientAddress() throws Exception {
        String key = key();
        String requestId = "req-" + UUID.randomUUID();
        try (KafkaTail audit = tail(Topics.AUDIT_ENTRIES)) {
            long id = given().auth().oauth2(admin).contentType("application/json")
                    .body(Map.of("key", key, "flag_type", "boolean", "enabled", false))
                    .post("/api/v1/flags").then().statusCode(201).extract().jsonPath().getLong("id");
            given().auth().oauth2(admin).contentType("application/json").header("X-Request-Id", requestId)
                    .header("User-Agent", "flag-console/2.0").body(Map.of("enabled", true))
                    .patch("/api/v1/flags/" + key).then().statusCode(200);

            List<JsonNode> entries = audit.await(r -> ("feature_flag:" + id).equals(r.key()), 2, Duration.ofSeconds(20))
                    .stream().map(r -> read(r.value())).toList();
            JsonNode change = entries.stream().filter(e -> e.path("action").asText().equals("flag_changed"))
                    .findFirst().orElseThrow();
            assertThat(change.path("service").asText()).isEqualTo("config-service");
            assertThat(change.path("user_id").asLong()).isEqualTo(adminId);
            assertThat(change.path("actor_type").asText()).isEqualTo("user");
            assertThat(change.path("request_id").asText()).isEqualTo(requestId);
            assertThat(change.path("ip_address").asText()).isNotBlank();
            assertThat(change.path("user_agent").asText()).isEqualTo("flag-console/2.0");
            assertThat(change.path("old_values").path("enabled").asBoolean()).isFalse();
            assertThat(change.path("new_values").path("enabled").asBoolean()).isTrue();
        }
    }

    private static JsonNode read(byte[] value) {
        try {
            return JSON.readTree(value);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aCreatedAndChangedFlagIsInItsHistoryOnTheTopicInTheAuditAndEvaluatedAtOnce() throws Exception {
        String key = key();
        try (KafkaTail flags = tail(Topics.CONFIG_FLAGS); KafkaTail audit = tail(Topics.AUDIT_ENTRIES)) {
            given().auth().oauth2(admin).contentType("application/json")
                    .body(Map.of("key", key, "flag_type", "percentage", "enabled", true, "rollout_percentage", 30))
                    .post("/api/v1/flags").then().statusCode(201)
                    .body("definition.strategies[0].name", equalTo("flexibleRollout"))
                    .body("definition.strategies[0].parameters.rollout", equalTo("30"));
            given().auth().oauth2(admin).contentType("application/json").body(Map.of("rollout_percentage", 100))
                    .patch("/api/v1/flags/" + key).then().statusCode(200).body("rollout_percentage", equalTo(100));

            List<Map<String, Object>> history = TestDatabase.rows("""
                    select action, changed_by, old_value ->> 'rollout_percentage' as old_rollout,
                           new_value ->> 'rollout_percentage' as new_rollout
                    from feature_flag_history where flag_key = ? order by id""", key);
            assertThat(history).extracting(h -> h.get("action")).containsExactly("insert", "update");
            assertThat(history).allSatisfy(h -> assertThat(((Number) h.get("changed_by")).longValue()).isEqualTo(adminId));
            assertThat(history.get(1).get("old_rollout")).isEqualTo("30");
            assertThat(history.get(1).get("new_rollout")).isEqualTo("100");

            List<ConsumerRecord<String, byte[]>> changes = flags.await(r -> key.equals(r.key()), 2, Duration.ofSeconds(20));
            assertThat(changes).hasSize(2);
            JsonNode last = JSON.readTree(changes.get(1).value());
            assertThat(last.path("definition").path("strategies").path(0).path("parameters").path("rollout").asText())
                    .isEqualTo("100");
            assertThat(audit.await(r -> new String(r.value(), StandardCharsets.UTF_8).contains(key), 2, Duration.ofSeconds(20)))
                    .hasSize(2);
        }
        given().auth().oauth2(TestTokens.user(TestTokens.newUserId())).contentType("application/json")
                .body(Map.of("userId", "42")).post("/api/v1/flags/" + key + "/evaluate")
                .then().statusCode(200).body("enabled", equalTo(true)).body("variant.name", equalTo("disabled"));
    }

    @Test
    void theHttpEvaluationIsUnleashsMurmurBucketForEveryUser() {
        String key = key();
        given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("key", key, "flag_type", "percentage", "enabled", true, "rollout_percentage", 40))
                .post("/api/v1/flags").then().statusCode(201);
        String user = TestTokens.user(TestTokens.newUserId());
        int on = 0;
        for (int u = 1; u <= 200; u++) {
            boolean enabled = given().auth().oauth2(user).contentType("application/json").body(Map.of("userId", "u" + u))
                    .post("/api/v1/flags/" + key + "/evaluate").then().statusCode(200).extract().path("enabled");
            assertThat(enabled).as("user u%d", u).isEqualTo(StickinessHash.bucket("u" + u, key) <= 40);
            on += enabled ? 1 : 0;
        }
        assertThat(on).isBetween(50, 110);
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsWritten() {
        String key = key();
        given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("key", key, "flag_type", "percentage", "rollout_percentage", 101))
                .post("/api/v1/flags").then().statusCode(400).contentType(containsString("application/problem+json"))
                .body(containsString("rollout_percentage"));
        given().auth().oauth2(admin).contentType("application/json").body(Map.of("key", key, "flag_type", "sometimes"))
                .post("/api/v1/flags").then().statusCode(400).body(containsString("flag_type"));
        given().auth().oauth2(admin).contentType("application/json").body(Map.of("key", "Not A Key", "flag_type", "boolean"))
                .post("/api/v1/flags").then().statusCode(400).body(containsString("key"));
        given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("key", key, "flag_type", "condition", "conditions", Map.of("nested", Map.of("a", 1))))
                .post("/api/v1/flags").then().statusCode(400).body(containsString("conditions.nested"));
        given().auth().oauth2(admin).contentType("application/json")
                .body("{\"version\": 1, \"features\": [{\"name\": \"has space " + key + "\", \"enabled\": true}]}")
                .post("/api/v1/flags/import?format=unleash").then().statusCode(400).body(containsString("features[0].name"));
        assertThat(TestDatabase.count("select count(*) from feature_flags where key like ?", "%" + key + "%")).isZero();
        assertThat(TestDatabase.count("select count(*) from feature_flag_history where flag_key like ?", "%" + key + "%"))
                .isZero();
    }

    @Test
    void anUnknownFlagIsA404ProblemAndAnArchivedOneIsGoneFromEvaluation() {
        String user = TestTokens.user(TestTokens.newUserId());
        given().auth().oauth2(user).contentType("application/json").body("{}")
                .post("/api/v1/flags/no-such-" + UUID.randomUUID() + "/evaluate")
                .then().statusCode(404).contentType(containsString("application/problem+json"));
        String key = key();
        given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("key", key, "flag_type", "boolean", "enabled", true)).post("/api/v1/flags").then().statusCode(201);
        given().get("/api/v1/flags/evaluate").then().statusCode(200).body(key + ".enabled", equalTo(true));
        given().auth().oauth2(admin).delete("/api/v1/flags/" + key).then().statusCode(204);
        given().auth().oauth2(user).contentType("application/json").body("{}")
                .post("/api/v1/flags/" + key + "/evaluate").then().statusCode(404);
        assertThat(TestDatabase.count("select count(*) from feature_flags where key = ? and archived_at is not null", key))
                .isEqualTo(1);
    }

    @Test
    void anUnleashStateImportsAndExportsBackUnchanged() throws Exception {
        String prefix = "imp" + UUID.randomUUID().toString().substring(0, 8) + ".";
        int segment = (int) (TestTokens.newUserId() % 1_000_000_000);
        ObjectNode state = (ObjectNode) JSON.readTree(getClass().getResourceAsStream("/unleash-state.json"));
        for (JsonNode f : state.path("features")) {
            ((ObjectNode) f).put("name", prefix + f.path("name").asText());
            for (JsonNode s : f.path("strategies")) {
                if (s.has("segments")) {
                    ((ObjectNode) s).putArray("segments").add(segment);
                }
            }
        }
        ((ObjectNode) state.path("segments").get(0)).put("id", segment);

        given().auth().oauth2(admin).contentType("application/json").body(state.toString())
                .post("/api/v1/flags/import?format=unleash").then().statusCode(200)
                .body("features", equalTo(state.path("features").size())).body("segments", equalTo(1));
        JsonNode exported = JSON.readTree(given().auth().oauth2(admin).get("/api/v1/flags/export?format=unleash")
                .then().statusCode(200).extract().asString());
        ArrayNode mine = JSON.createArrayNode();
        exported.path("features").forEach(f -> {
            if (f.path("name").asText().startsWith(prefix)) {
                mine.add(f);
            }
        });
        assertThat(mine).isEqualTo(state.path("features"));
        JsonNode exportedSegment = null;
        for (JsonNode s : exported.path("segments")) {
            if (s.path("id").asInt() == segment) {
                exportedSegment = s;
            }
        }
        assertThat(exportedSegment).isEqualTo(state.path("segments").get(0));

        // and the imported flags evaluate with Unleash's semantics, segment included
        String user = TestTokens.user(TestTokens.newUserId());
        given().auth().oauth2(user).contentType("application/json").body(Map.of("properties", Map.of("country", "GB")))
                .post("/api/v1/flags/" + prefix + "Segmented/evaluate").then().statusCode(200).body("enabled", equalTo(true));
        given().auth().oauth2(user).contentType("application/json").body(Map.of("properties", Map.of("country", "FR")))
                .post("/api/v1/flags/" + prefix + "Segmented/evaluate").then().statusCode(200).body("enabled", equalTo(false));
        given().auth().oauth2(user).contentType("application/json").body(Map.of("userId", "7"))
                .post("/api/v1/flags/" + prefix + "Variants/evaluate").then().statusCode(200)
                .body("variant.name", equalTo("blue")).body("variant.payload.value", equalTo("#00f"));
    }

    private static KafkaTail tail(String topic) {
        return new KafkaTail(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class), topic);
    }

    private static String key() {
        return "test-flag-" + UUID.randomUUID();
    }
}
