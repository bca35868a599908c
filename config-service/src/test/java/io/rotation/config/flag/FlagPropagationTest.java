package io.rotation.config.flag;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.openfeature.sdk.Client;
import dev.openfeature.sdk.ImmutableContext;
import dev.openfeature.sdk.Value;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rotation.contracts.Topics;
import io.rotation.platform.flags.FlagStore;
import io.rotation.platform.flags.UnleashContext;
import io.rotation.platform.json.RotationObjectMapper;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.TestTokens;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * A flag store that is not config-service's (what any other service runs: its own reader of the
 * compacted topic) loads existing flags at start and sees changes within a second; service code
 * reads them through OpenFeature.
 */
@QuarkusTest
@WithTestResource(RotationStack.class)
class FlagPropagationTest {

    @Inject
    Client openFeature;

    private final String admin = TestTokens.admin(TestTokens.newUserId());

    @Test
    void anotherServicesStoreLoadsExistingFlagsAndSeesChangesWithinASecond() {
        String existing = create(Map.of("flag_type", "boolean", "enabled", true));
        FlagStore other = new FlagStore(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                Topics.CONFIG_FLAGS, true, Duration.ofSeconds(30), RotationObjectMapper.create());
        try {
            other.startFollowing();
            assertThat(within(Duration.ofSeconds(5), () -> other.isEnabled(existing, UnleashContext.EMPTY)))
                    .as("loaded at start from the compacted topic").isTrue();

            String key = create(Map.of("flag_type", "user_list", "enabled", true, "target_user_ids", java.util.List.of(5)));
            assertThat(within(Duration.ofSeconds(1), () -> other.current().contains(key))).as("new flag within 1s").isTrue();
            assertThat(other.isEnabled(key, UnleashContext.ofUser("5"))).isTrue();

            given().auth().oauth2(admin).contentType("application/json").body(Map.of("target_user_ids", java.util.List.of(6)))
                    .patch("/api/v1/flags/" + key).then().statusCode(200);
            assertThat(within(Duration.ofSeconds(1), () -> other.isEnabled(key, UnleashContext.ofUser("6"))))
                    .as("change within 1s").isTrue();
            assertThat(other.isEnabled(key, UnleashContext.ofUser("5"))).isFalse();

            given().auth().oauth2(admin).delete("/api/v1/flags/" + key).then().statusCode(204);
            assertThat(within(Duration.ofSeconds(1), () -> !other.current().contains(key))).as("archive within 1s").isTrue();
        } finally {
            other.stopFollowing();
        }
    }

    @Test
    void serviceCodeAsksThroughOpenFeature() {
        String key = create(Map.of("flag_type", "condition", "enabled", true, "conditions", Map.of("country", "GB")));
        assertThat(openFeature.getBooleanValue(key, false,
                new ImmutableContext("42", Map.of("country", new Value("GB"))))).isTrue();
        assertThat(openFeature.getBooleanValue(key, true,
                new ImmutableContext("42", Map.of("country", new Value("FR"))))).isFalse();
        assertThat(openFeature.getBooleanValue("no-such-" + UUID.randomUUID(), true, new ImmutableContext())).isTrue();
    }

    private String create(Map<String, Object> fields) {
        String key = "prop-" + UUID.randomUUID();
        Map<String, Object> body = new java.util.HashMap<>(fields);
        body.put("key", key);
        given().auth().oauth2(admin).contentType("application/json").body(body).post("/api/v1/flags").then().statusCode(201);
        return key;
    }

    private static boolean within(Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return condition.getAsBoolean();
    }
}
