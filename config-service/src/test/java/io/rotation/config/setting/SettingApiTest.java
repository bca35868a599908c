package io.rotation.config.setting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.rotation.contracts.Topics;
import io.rotation.platform.settings.Settings;
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

/** /api/v1/settings: typed values checked by type, secrets sealed and masked, public ones for anyone, published and audited. */
@QuarkusTest
@WithTestResource(RotationStack.class)
class SettingApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final String admin = TestTokens.admin(TestTokens.newUserId());

    @Inject
    Settings here;

    @Test
    void eachTypeTakesOnlyValuesOfThatTypeAndAnswersThemAsJson() {
        String number = key("number");
        String array = key("array");
        String json = key("json");
        try {
            create(Map.of("key", number, "setting_type", "number", "value", 0.92, "default_value", 0.97));
            create(Map.of("key", array, "setting_type", "array", "value", List.of("a", "b")));
            create(Map.of("key", json, "setting_type", "json", "value", Map.of("depth", 3)));
            JsonPath got = given().auth().oauth2(admin).get("/api/v1/settings/" + number).then().statusCode(200)
                    .extract().jsonPath();
            assertThat(got.getDouble("value")).isEqualTo(0.92);
            assertThat(got.getDouble("default_value")).isEqualTo(0.97);
            assertThat(given().auth().oauth2(admin).get("/api/v1/settings/" + array).then().statusCode(200)
                    .extract().jsonPath().getList("value", String.class)).containsExactly("a", "b");
            assertThat(given().auth().oauth2(admin).get("/api/v1/settings/" + json).then().statusCode(200)
                    .extract().jsonPath().getInt("value.depth")).isEqualTo(3);

            given().auth().oauth2(admin).contentType("application/json").body(Map.of("value", "0.5"))
                    .patch("/api/v1/settings/" + number).then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("value"));
            given().auth().oauth2(admin).contentType("application/json").body(Map.of("value", 0.5))
                    .patch("/api/v1/settings/" + number).then().statusCode(200).body("value", equalTo(0.5f));
            // applied here at once; the topic's older messages may pass by until the relay has sent this one
            await().atMost(Duration.ofSeconds(1)).until(() -> here.number(number, 0) == 0.5);
        } finally {
            delete(number);
            delete(array);
            delete(json);
        }
        await("a deleted setting falls back").atMost(Duration.ofSeconds(1))
                .until(() -> here.number(number, 0.25) == 0.25);
    }

    @Test
    void aValueOfTheWrongTypeIsRefusedNamingTheFieldAndNothingIsWritten() {
        long before = TestDatabase.count("select count(*) from settings");
        Map<String, Object> bad = new HashMap<>();
        bad.put("key", "Not A Key!");
        bad.put("setting_type", "number");
        bad.put("value", "twelve");
        bad.put("default_value", true);
        bad.put("public", true);
        bad.put("secret", true);
        given().auth().oauth2(admin).contentType("application/json").body(bad).post("/api/v1/settings")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("key", "value", "default_value", "public"));
        for (Map.Entry<String, Object> wrong : Map.<String, Object>of("boolean", "yes", "json", List.of(1), "array",
                Map.of("a", 1), "string", 7).entrySet()) {
            given().auth().oauth2(admin).contentType("application/json")
                    .body(Map.of("key", key("wrong"), "setting_type", wrong.getKey(), "value", wrong.getValue()))
                    .post("/api/v1/settings").then().statusCode(400).body("errors[0].field", equalTo("value"));
        }
        given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("key", key("kind"), "setting_type", "date", "value", "2026-01-01"))
                .post("/api/v1/settings").then().statusCode(400).body("errors[0].field", equalTo("setting_type"));
        given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("key", "public", "setting_type", "string", "value", "x"))
                .post("/api/v1/settings").then().statusCode(400).body("errors[0].field", equalTo("key"));
        given().auth().oauth2(admin).get("/api/v1/settings?limit=0").then().statusCode(400);
        given().auth().oauth2(admin).get("/api/v1/settings/effective?environment=moon").then().statusCode(400)
                .body("errors[0].field", equalTo("environment"));
        assertThat(TestDatabase.count("select count(*) from settings")).isEqualTo(before);
    }

    @Test
    void aSecretIsSealedAtRestAndNeverAnsweredOrPublishedInClear() throws Exception {
        String secret = key("secret");
        String clear = "sk-live-" + UUID.randomUUID();
        try (KafkaTail topic = tail(Topics.CONFIG_SETTINGS); KafkaTail audit = tail(Topics.AUDIT_ENTRIES)) {
            create(Map.of("key", secret, "setting_type", "string", "value", clear, "secret", true));
            String stored = (String) TestDatabase.rows("select value from settings where key = ?", secret).get(0).get("value");
            assertThat(stored).startsWith("v1:").doesNotContain(clear);
            assertThat(TestDatabase.count("select count(*) from settings where key = ? and is_encrypted", secret)).isOne();

            given().auth().oauth2(admin).get("/api/v1/settings/" + secret).then().statusCode(200)
                    .body("value", equalTo("********")).body("secret", equalTo(true));
            assertThat(given().auth().oauth2(admin).get("/api/v1/settings/effective?environment=staging").then()
                    .statusCode(200).extract().asString()).doesNotContain(clear);
            given().auth().oauth2(admin).contentType("application/json").body(Map.of("value", clear + "-rotated"))
                    .patch("/api/v1/settings/" + secret).then().statusCode(200).body("value", equalTo("********"));
            given().auth().oauth2(admin).contentType("application/json").body(Map.of("public", true))
                    .patch("/api/v1/settings/" + secret).then().statusCode(400).body("errors[0].field", equalTo("public"));

            List<ConsumerRecord<String, byte[]>> published = topic.await(r -> secret.equals(r.key()), 2, Duration.ofSeconds(20));
            assertThat(published).allSatisfy(r -> assertThat(new String(r.value())).doesNotContain(clear));
            assertThat(JSON.readTree(published.get(0).value()).path("value").isNull()).isTrue();
            List<ConsumerRecord<String, byte[]>> entries = audit.await(r -> ("setting:" + secret).equals(r.key()), 2,
                    Duration.ofSeconds(20));
            assertThat(entries).allSatisfy(r -> assertThat(new String(r.value())).doesNotContain(clear));
            assertThat(here.text(secret)).as("secrets are not read through platform").isEmpty();
        } finally {
            delete(secret);
        }
    }

    @Test
    void anyoneReadsThePublicSettingsAndOnlyThem() {
        String open = key("open");
        String closed = key("closed");
        try {
            create(Map.of("key", open, "setting_type", "boolean", "value", true, "public", true));
            create(Map.of("key", closed, "setting_type", "boolean", "value", true));
            JsonPath anonymous = given().get("/api/v1/settings/public").then().statusCode(200).extract().jsonPath();
            assertThat(anonymous.getMap("$")).containsEntry(open, true).doesNotContainKey(closed);
            given().get("/api/v1/settings").then().statusCode(401);
        } finally {
            delete(open);
            delete(closed);
        }
    }

    @Test
    void everyChangeIsPublishedOnTheCompactedTopicAndAudited() throws Exception {
        String setting = key("audited");
        try (KafkaTail topic = tail(Topics.CONFIG_SETTINGS); KafkaTail audit = tail(Topics.AUDIT_ENTRIES)) {
            create(Map.of("key", setting, "setting_type", "number", "value", 3));
            given().auth().oauth2(admin).contentType("application/json").body(Map.of("value", 4))
                    .patch("/api/v1/settings/" + setting).then().statusCode(200);
            delete(setting);

            List<ConsumerRecord<String, byte[]>> changes = topic.await(r -> setting.equals(r.key()), 3, Duration.ofSeconds(20));
            assertThat(changes).extracting(r -> JSON.readTree(r.value()).path("value").asText(null))
                    .containsExactly("3", "4", null);
            JsonNode gone = JSON.readTree(changes.get(2).value());
            assertThat(gone.path("deleted").asBoolean()).isTrue();
            List<ConsumerRecord<String, byte[]>> entries = audit.await(r -> ("setting:" + setting).equals(r.key()), 3,
                    Duration.ofSeconds(20));
            assertThat(entries).extracting(r -> JSON.readTree(r.value()).path("action").asText())
                    .containsExactly("setting_created", "setting_changed", "setting_deleted");
        }
    }

    @Test
    void aReadOnlySettingChangesOnlyWithReadonlyFalseAndIsNotDeleted() {
        String fixed = key("fixed");
        try {
            create(Map.of("key", fixed, "setting_type", "string", "value", "a", "readonly", true));
            given().auth().oauth2(admin).contentType("application/json").body(Map.of("value", "b"))
                    .patch("/api/v1/settings/" + fixed).then().statusCode(409);
            given().auth().oauth2(admin).delete("/api/v1/settings/" + fixed).then().statusCode(409);
            given().auth().oauth2(admin).contentType("application/json").body(Map.of("value", "b", "readonly", false))
                    .patch("/api/v1/settings/" + fixed).then().statusCode(200).body("value", equalTo("b"));
        } finally {
            delete(fixed);
        }
    }

    @Test
    void listsAreCursorPagesByKey() {
        String prefix = key("page");
        List<String> keys = List.of(prefix + ".a", prefix + ".b", prefix + ".c");
        try {
            keys.forEach(k -> create(Map.of("key", k, "setting_type", "string", "value", k)));
            String cursor = null;
            List<String> seen = new java.util.ArrayList<>();
            do {
                var request = given().auth().oauth2(admin).queryParam("limit", 2);
                if (cursor != null) {
                    request.queryParam("cursor", cursor);
                }
                JsonPath page = request.get("/api/v1/settings").then().statusCode(200).extract().jsonPath();
                seen.addAll(page.getList("items.key", String.class));
                cursor = page.getString("next_cursor");
            } while (cursor != null && !seen.contains(keys.get(2)));
            assertThat(seen.stream().filter(k -> k.startsWith(prefix)).toList()).containsExactlyElementsOf(keys);
        } finally {
            keys.forEach(this::delete);
        }
    }

    static String key(String name) {
        return "test." + name + "." + UUID.randomUUID().toString().substring(0, 8);
    }

    private void create(Map<String, Object> body) {
        given().auth().oauth2(admin).contentType("application/json").body(body).post("/api/v1/settings")
                .then().statusCode(201);
    }

    private void delete(String key) {
        given().auth().oauth2(admin).delete("/api/v1/settings/" + key).then().statusCode(org.hamcrest.Matchers.oneOf(204, 404));
    }

    static KafkaTail tail(String topic) {
        return new KafkaTail(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class), topic);
    }
}
