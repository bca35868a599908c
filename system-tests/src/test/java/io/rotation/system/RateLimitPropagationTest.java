package io.rotation.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A rule an admin adds at config-service is enforced by the other services within a second. */
class RateLimitPropagationTest {

    @Test
    void aRuleAddedThroughTheGatewayIsEnforcedByUserFeaturesWithinASecond() {
        Gateway.Listener listener = Gateway.newListener();
        String admin = Gateway.adminToken();
        long rule = Gateway.as(admin).body(Map.of("identifier_type", "user", "identifier", String.valueOf(listener.id()),
                        "endpoint_pattern", "GET /api/v1/favorites", "max_requests", 3, "window_seconds", 60))
                .post("/api/v1/rate-limits").then().statusCode(201).extract().jsonPath().getLong("id");
        try {
            long added = System.nanoTime();
            Response first = Gateway.as(listener.token()).get("/api/v1/favorites");
            while (first.header("RateLimit-Limit") == null && System.nanoTime() - added < Duration.ofSeconds(5).toNanos()) {
                first = Gateway.as(listener.token()).get("/api/v1/favorites");
            }
            long seenAfterMs = (System.nanoTime() - added) / 1_000_000;
            assertThat(first.header("RateLimit-Limit")).as("user-features enforces the new rule").isEqualTo("3");
            assertThat(seenAfterMs).as("ms until user-features enforced the rule").isLessThan(1000);

            int remaining = Integer.parseInt(first.header("RateLimit-Remaining"));
            for (int i = 0; i < remaining; i++) {
                Gateway.as(listener.token()).get("/api/v1/favorites").then().statusCode(200);
            }
            Gateway.as(listener.token()).get("/api/v1/favorites").then().statusCode(429)
                    .contentType("application/problem+json").header("Retry-After", org.hamcrest.Matchers.notNullValue());
        } finally {
            Gateway.as(admin).delete("/api/v1/rate-limits/" + rule).then().statusCode(204);
        }
        long deleted = System.nanoTime();
        while (Gateway.as(listener.token()).get("/api/v1/favorites").statusCode() == 429
                && System.nanoTime() - deleted < Duration.ofSeconds(5).toNanos()) {
            Thread.onSpinWait();
        }
        Gateway.as(listener.token()).get("/api/v1/favorites").then().statusCode(200);
    }
}
