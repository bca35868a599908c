package io.rotation.config.cache;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rotation.contracts.Topics;
import io.rotation.platform.cache.CacheRules;
import io.rotation.platform.testing.KafkaTail;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.TestDatabase;
import io.rotation.platform.testing.TestTokens;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** /api/v1/cache-rules: rules administered by admins, published on the compacted topic and audited. */
@QuarkusTest
@WithTestResource(RotationStack.class)
class CacheRuleApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final String admin = TestTokens.admin(TestTokens.newUserId());

    @Inject
    CacheRules rules;

    @Test
    void aRuleIsCreatedChangedAndDeletedPublishedAndAuditedAndAppliedHere() throws Exception {
        String prefix = "test:" + UUID.randomUUID() + ":";
        try (KafkaTail topic = tail(Topics.CONFIG_CACHE_RULES); KafkaTail audit = tail(Topics.AUDIT_ENTRIES)) {
            long id = given().auth().oauth2(admin).contentType("application/json")
                    .body(Map.of("key_pattern", prefix + "*", "ttl_seconds", 300, "max_entries", 1000))
                    .post("/api/v1/cache-rules").then().statusCode(201).body("enabled", equalTo(true))
                    .extract().jsonPath().getLong("id");
            assertThat(rules.ttl(prefix + "42", Duration.ofHours(24))).isEqualTo(Duration.ofSeconds(300));
            given().auth().oauth2(admin).contentType("application/json").body(Map.of("enabled", false))
                    .patch("/api/v1/cache-rules/" + id).then().statusCode(200).body("ttl_seconds", equalTo(300))
                    .body("enabled", equalTo(false));
            assertThat(rules.cached(prefix + "42")).isFalse();
            given().auth().oauth2(admin).get("/api/v1/cache-rules/" + id).then().statusCode(200)
                    .body("key_pattern", equalTo(prefix + "*")).body("max_entries", equalTo(1000));
            given().auth().oauth2(admin).delete("/api/v1/cache-rules/" + id).then().statusCode(204);
            assertThat(rules.ruleFor(prefix + "42")).isEmpty();
            given().auth().oauth2(admin).get("/api/v1/cache-rules/" + id).then().statusCode(404);

            List<ConsumerRecord<String, byte[]>> changes = topic.await(r -> String.valueOf(id).equals(r.key()), 3,
                    Duration.ofSeconds(20));
            List<JsonNode> messages = changes.stream().map(r -> read(r.value())).toList();
            assertThat(messages).extracting(m -> m.path("enabled").asBoolean()).containsExactly(true, false, false);
            assertThat(messages.get(2).path("deleted").asBoolean()).isTrue();
            assertThat(audit.await(r -> ("cache_rule:" + id).equals(r.key()), 3, Duration.ofSeconds(20)))
                    .extracting(r -> read(r.value()).path("action").asText())
                    .containsExactly("cache_rule_created", "cache_rule_changed", "cache_rule_deleted");
        }
    }

    @Test
    void theMostSpecificPatternWins() {
        String prefix = "test:" + UUID.randomUUID() + ":";
        long broad = create(prefix + "*", 100);
        long narrow = create(prefix + "record:*", 50);
        try {
            assertThat(rules.ttl(prefix + "record:7", Duration.ZERO)).isEqualTo(Duration.ofSeconds(50));
            assertThat(rules.ttl(prefix + "track:7", Duration.ZERO)).isEqualTo(Duration.ofSeconds(100));
            assertThat(rules.ttl("elsewhere:" + prefix, Duration.ofSeconds(9))).isEqualTo(Duration.ofSeconds(9));
        } finally {
            given().auth().oauth2(admin).delete("/api/v1/cache-rules/" + narrow).then().statusCode(204);
            given().auth().oauth2(admin).delete("/api/v1/cache-rules/" + broad).then().statusCode(204);
        }
    }

    @Test
    void anInvalidRuleIsRefusedNamingEachFieldAndNothingIsWritten() {
        long before = TestDatabase.count("select count(*) from cache_config");
        Map<String, Object> bad = new HashMap<>();
        bad.put("key_pattern", "catalog record ?");
        bad.put("ttl_seconds", 0);
        bad.put("max_entries", -5);
        given().auth().oauth2(admin).contentType("application/json").body(bad).post("/api/v1/cache-rules")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("key_pattern", "ttl_seconds", "max_entries"));
        given().auth().oauth2(admin).contentType("application/json").body(Map.of("key_pattern", "x:*"))
                .post("/api/v1/cache-rules").then().statusCode(400).body("errors[0].field", equalTo("ttl_seconds"));
        given().auth().oauth2(admin).get("/api/v1/cache-rules/abc").then().statusCode(400);
        assertThat(TestDatabase.count("select count(*) from cache_config")).isEqualTo(before);
    }

    private long create(String pattern, int ttl) {
        return given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("key_pattern", pattern, "ttl_seconds", ttl))
                .post("/api/v1/cache-rules").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static JsonNode read(byte[] value) {
        try {
            return JSON.readTree(value);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KafkaTail tail(String topic) {
        return new KafkaTail(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class), topic);
    }
}
