package io.rotation.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A maintenance window an admin schedules at config-service turns another service's writes to 503 within a
 * second, reads go on, and cancelling it gives the writes back. The window is short (one minute) and
 * cancelled in finally: every user-features on this broker honours it while it lasts.
 */
class MaintenanceWindowSystemTest {

    private static final long SECOND_NS = Duration.ofSeconds(1).toNanos();

    @Test
    void aWindowScheduledThroughTheGatewayTurnsUserFeaturesWritesTo503AndBackWhenCancelled() {
        Gateway.Listener listener = Gateway.newListener();
        String admin = Gateway.adminToken();
        createCollection(listener).then().statusCode(201);

        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        long window = Gateway.as(admin).body(Map.of("title", "system test " + UUID.randomUUID(),
                        "message", "Back in a minute", "starts_at", now.minusSeconds(1).toString(),
                        "ends_at", now.plusSeconds(60).toString(), "affected_services", List.of("user-features-service")))
                .post("/api/v1/maintenance-windows").then().statusCode(201).extract().jsonPath().getLong("id");
        boolean cancelled = false;
        try {
            long scheduled = System.nanoTime();
            Response refused = createCollection(listener);
            while (refused.statusCode() != 503 && System.nanoTime() - scheduled < 5 * SECOND_NS) {
                refused = createCollection(listener);
            }
            long refusedAfterMs = (System.nanoTime() - scheduled) / 1_000_000;
            assertThat(refused.statusCode()).as("user-features refuses writes during the window").isEqualTo(503);
            assertThat(refusedAfterMs).as("ms until user-features honoured the window").isLessThan(1000);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 61);
            assertThat(refused.asString()).contains("Back in a minute");

            Gateway.as(listener.token()).get("/api/v1/preferences").then().statusCode(200);
            Gateway.as(listener.token()).get("/api/v1/collections").then().statusCode(200);

            Gateway.as(admin).post("/api/v1/maintenance-windows/" + window + "/cancel").then().statusCode(200);
            cancelled = true;
            long ended = System.nanoTime();
            Response accepted = createCollection(listener);
            while (accepted.statusCode() == 503 && System.nanoTime() - ended < 5 * SECOND_NS) {
                accepted = createCollection(listener);
            }
            long backAfterMs = (System.nanoTime() - ended) / 1_000_000;
            assertThat(accepted.statusCode()).as("writes are back after the cancel").isEqualTo(201);
            assertThat(backAfterMs).as("ms until user-features took writes again").isLessThan(1000);
        } finally {
            if (!cancelled) {
                Gateway.as(admin).post("/api/v1/maintenance-windows/" + window + "/cancel");
            }
        }
    }

    private static Response createCollection(Gateway.Listener listener) {
        return Gateway.as(listener.token()).body(Map.of("name", "crate " + UUID.randomUUID())).post("/api/v1/collections");
    }
}
