package io.rotation.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * No play lost and none counted twice when the services are killed mid-stream: the producer
 * (user-features, whose relay is publishing) and the consumer (analytics, which is aggregating)
 * are killed with SIGKILL while plays are in flight, restarted, and the totals must come out exact.
 */
class CrashRecoveryTest {

    private static final int BATCHES = 20;
    private static final int BATCH_SIZE = 1000;

    @Test
    void countsEveryPlayExactlyOnceAcrossKilledServices() throws Exception {
        Gateway.Listener listener = Gateway.newListener();
        Instant start = Instant.parse("2026-11-25T00:00:00Z");
        for (int b = 0; b < BATCHES; b++) {
            List<Map<String, Object>> plays = new ArrayList<>(BATCH_SIZE);
            for (int i = 0; i < BATCH_SIZE; i++) {
                int n = b * BATCH_SIZE + i;
                plays.add(Map.of("track_id", 1 + n % 50, "played_at", start.plusMillis(n * 1000L).toString(),
                        "duration_played_ms", 1000));
            }
            Gateway.as(listener.token()).body(Map.of("plays", plays)).post("/api/v1/plays/batch")
                    .then().statusCode(200).body("stored", equalTo(BATCH_SIZE));
            if (b == BATCHES / 2) {
                LocalServices.kill("analytics-service"); // while it is consuming the first half
            }
        }
        LocalServices.kill("user-features-service"); // while its relay still publishes the second half

        LocalServices.restart();

        // a client that never saw its last answers retries everything: still stored once
        Gateway.as(listener.token()).body(Map.of("plays", List.of(Map.of("track_id", 1,
                        "played_at", start.toString(), "duration_played_ms", 1000))))
                .post("/api/v1/plays/batch").then().statusCode(200).body("duplicates", equalTo(1));
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> totalPlays(listener) >= BATCHES * BATCH_SIZE);
        Thread.sleep(3_000);
        assertThat(totalPlays(listener)).isEqualTo(BATCHES * BATCH_SIZE);
        long listening = Gateway.as(listener.token()).get("/api/v1/stats/me").then().statusCode(200)
                .extract().jsonPath().getLong("total_listening_ms");
        assertThat(listening).isEqualTo(BATCHES * BATCH_SIZE * 1000L);
    }

    private static long totalPlays(Gateway.Listener listener) {
        return Gateway.as(listener.token()).get("/api/v1/stats/me").then().statusCode(200)
                .extract().jsonPath().getLong("total_plays");
    }
}
