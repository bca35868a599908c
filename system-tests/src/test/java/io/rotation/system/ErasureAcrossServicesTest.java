package io.rotation.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * GDPR erasure end to end: identity erases the account and publishes UserErased on Kafka;
 * user-features and analytics remove what they hold of the user; each service's erasure lands in
 * analytics' audit trail; the account's unexpired token is refused everywhere; another listener's
 * data stays.
 */
class ErasureAcrossServicesTest {

    private static final Instant START = Instant.parse("2026-11-21T08:00:00Z");

    @Test
    void erasesTheListenerEverywhereAndAuditsEachService() {
        Gateway.Listener leaving = Gateway.newListener();
        Gateway.Listener staying = Gateway.newListener();
        for (Gateway.Listener listener : List.of(leaving, staying)) {
            for (int i = 0; i < 3; i++) {
                Gateway.as(listener.token()).body(Map.of("track_id", 500 + i,
                                "played_at", START.plusSeconds(i * 600L).toString(), "duration_played_ms", 30_000))
                        .post("/api/v1/plays").then().statusCode(201);
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> totalPlays(leaving) == 3 && totalPlays(staying) == 3);

        Gateway.as(leaving.token()).delete("/api/v1/users/" + leaving.id()).then().statusCode(204);

        Gateway.request().body(Map.of("username", leaving.username(), "password", "system-test-password"))
                .post("/api/v1/auth/login").then().statusCode(401);
        String admin = Gateway.adminToken();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> auditedServices(admin, leaving.id()).containsAll(
                        List.of("identity-service", "user-features-service", "analytics-service")));
        // the access token has not expired, but no service accepts it any more
        Gateway.as(leaving.token()).get("/api/v1/plays").then().statusCode(401);
        Gateway.as(leaving.token()).get("/api/v1/stats/me").then().statusCode(401);
        // what user-features removed, as its audit entry counts it; the other listener keeps everything
        assertThat(Gateway.as(admin).queryParam("user_id", leaving.id()).queryParam("action", "user_data_erased")
                .get("/api/v1/audit-logs").then().statusCode(200).extract().jsonPath()
                .getInt("items.find { it.service == 'user-features-service' }.new_values.play_history")).isEqualTo(3);
        assertThat(totalPlays(staying)).isEqualTo(3);
        assertThat(Gateway.as(staying.token()).get("/api/v1/plays").then().statusCode(200)
                .extract().jsonPath().getList("items")).hasSize(3);
    }

    private static long totalPlays(Gateway.Listener listener) {
        return Gateway.as(listener.token()).get("/api/v1/stats/me").then().statusCode(200)
                .extract().jsonPath().getLong("total_plays");
    }

    private static List<String> auditedServices(String adminToken, long userId) {
        return Gateway.as(adminToken).queryParam("user_id", userId).queryParam("action", "user_data_erased")
                .get("/api/v1/audit-logs").then().statusCode(200)
                .extract().jsonPath().getList("items.service", String.class);
    }
}
