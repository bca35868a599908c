package io.rotation.config.setting;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rotation.contracts.Topics;
import io.rotation.platform.testing.KafkaTail;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.TestDatabase;
import io.rotation.platform.testing.TestTokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** /api/v1/config-profiles: overrides per environment, one active profile per environment, published with the settings. */
@QuarkusTest
@WithTestResource(RotationStack.class)
class ProfileApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final String admin = TestTokens.admin(TestTokens.newUserId());

    @Test
    void theActiveProfileOverridesItsEnvironmentOnlyAndTheTopicCarriesTheOverride() {
        String threshold = SettingApiTest.key("threshold");
        Long profile = null;
        try (KafkaTail topic = SettingApiTest.tail(Topics.CONFIG_SETTINGS)) {
            createSetting(Map.of("key", threshold, "setting_type", "number", "value", 0.5));
            profile = given().auth().oauth2(admin).contentType("application/json")
                    .body(Map.of("name", threshold, "environment", "staging", "active", true,
                            "settings", Map.of(threshold, 0.8)))
                    .post("/api/v1/config-profiles").then().statusCode(201).body("active", equalTo(true))
                    .extract().jsonPath().getLong("id");

            assertThat(effective("staging").get(threshold)).isEqualTo(0.8f);
            assertThat(effective("production").get(threshold)).isEqualTo(0.5f);
            List<ConsumerRecord<String, byte[]>> published = topic.await(r -> threshold.equals(r.key())
                    && read(r.value()).path("overrides").has("staging"), 1, Duration.ofSeconds(20));
            assertThat(read(published.get(0).value()).path("overrides").path("staging").asText()).isEqualTo("0.8");

            given().auth().oauth2(admin).contentType("application/json").body(Map.of("active", false))
                    .patch("/api/v1/config-profiles/" + profile).then().statusCode(200);
            assertThat(effective("staging").get(threshold)).as("an inactive profile overrides nothing").isEqualTo(0.5f);
        } finally {
            if (profile != null) {
                given().auth().oauth2(admin).delete("/api/v1/config-profiles/" + profile).then().statusCode(204);
            }
            given().auth().oauth2(admin).delete("/api/v1/settings/" + threshold).then().statusCode(204);
        }
    }

    @Test
    void activatingAProfileDeactivatesTheOtherOfItsEnvironment() {
        long first = createProfile(SettingApiTest.key("first"), true);
        long second = createProfile(SettingApiTest.key("second"), true);
        try {
            given().auth().oauth2(admin).get("/api/v1/config-profiles/" + first).then().statusCode(200)
                    .body("active", equalTo(false));
            given().auth().oauth2(admin).get("/api/v1/config-profiles/" + second).then().statusCode(200)
                    .body("active", equalTo(true));
        } finally {
            given().auth().oauth2(admin).delete("/api/v1/config-profiles/" + first).then().statusCode(204);
            given().auth().oauth2(admin).delete("/api/v1/config-profiles/" + second).then().statusCode(204);
        }
    }

    @Test
    void anOverrideOfAnUnknownSecretOrWronglyTypedSettingIsRefusedNamingItAndNothingIsWritten() {
        String number = SettingApiTest.key("typed");
        String secret = SettingApiTest.key("hidden");
        try {
            createSetting(Map.of("key", number, "setting_type", "number", "value", 1));
            createSetting(Map.of("key", secret, "setting_type", "string", "value", "s", "secret", true));
            long before = TestDatabase.count("select count(*) from config_profiles");
            given().auth().oauth2(admin).contentType("application/json")
                    .body(Map.of("name", number, "environment", "mars",
                            "settings", Map.of(number, "one", secret, "x", "no.such.setting", 1)))
                    .post("/api/v1/config-profiles").then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItems("environment", "settings." + number, "settings." + secret,
                            "settings.no.such.setting"));
            given().auth().oauth2(admin).contentType("application/json")
                    .body(Map.of("name", number, "environment", "staging", "settings", List.of(1)))
                    .post("/api/v1/config-profiles").then().statusCode(400).body("errors[0].field", equalTo("settings"));
            given().auth().oauth2(admin).get("/api/v1/config-profiles/abc").then().statusCode(400);
            assertThat(TestDatabase.count("select count(*) from config_profiles")).isEqualTo(before);
        } finally {
            given().auth().oauth2(admin).delete("/api/v1/settings/" + number).then().statusCode(204);
            given().auth().oauth2(admin).delete("/api/v1/settings/" + secret).then().statusCode(204);
        }
    }

    private static JsonNode read(byte[] value) {
        try {
            return JSON.readTree(value);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> effective(String environment) {
        return given().auth().oauth2(admin).get("/api/v1/settings/effective?environment=" + environment).then()
                .statusCode(200).body("environment", equalTo(environment)).extract().jsonPath().getMap("settings");
    }

    private long createProfile(String name, boolean active) {
        return given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("name", name, "environment", "staging", "active", active))
                .post("/api/v1/config-profiles").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private void createSetting(Map<String, Object> body) {
        given().auth().oauth2(admin).contentType("application/json").body(body).post("/api/v1/settings")
                .then().statusCode(201);
    }
}
