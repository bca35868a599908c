package io.rotation.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The first slice end to end: identity issues the token, user-features stores plays and announces
 * them through its outbox, analytics consumes them from Kafka; all reached through the gateway.
 */
class PlaysToStatsTest {

    private static final Instant START = Instant.parse("2026-11-20T10:00:00Z");

    @Test
    void countsEveryPlayExactlyOnceWhateverTheClientRetries() throws InterruptedException {
        Gateway.Listener listener = Gateway.newListener();

        // three single plays, the second one sent twice (a client retry)
        List<Map<String, Object>> singles = List.of(
                play(1001, START, 200_000, 100),
                play(1002, START.plusSeconds(300), 100_000, 50),
                play(1003, START.plusSeconds(600), 10_000, 5));
        for (Map<String, Object> p : singles) {
            Gateway.as(listener.token()).body(p).post("/api/v1/plays").then().statusCode(201);
        }
        Gateway.as(listener.token()).body(singles.get(1)).post("/api/v1/plays").then().statusCode(200);

        // a batch of 300 plays over two days, 20 of which repeat a single or each other
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int i = 0; i < 280; i++) {
            batch.add(play(2000 + i % 7, START.plus(Duration.ofHours(1)).plusSeconds(i * 400L), 60_000, 90));
        }
        for (int i = 0; i < 20; i++) {
            batch.add(i < 3 ? singles.get(i) : batch.get(i));
        }
        Gateway.as(listener.token()).body(Map.of("plays", batch)).post("/api/v1/plays/batch")
                .then().statusCode(200)
                .body("received", equalTo(300)).body("stored", equalTo(280)).body("duplicates", equalTo(20));
        // the whole batch again, as after a lost response
        Gateway.as(listener.token()).body(Map.of("plays", batch)).post("/api/v1/plays/batch")
                .then().statusCode(200).body("stored", equalTo(0)).body("duplicates", equalTo(300));

        long expectedPlays = 283;
        long expectedMs = 200_000 + 100_000 + 10_000 + 280 * 60_000L;
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> stats(listener).getLong("total_plays") >= expectedPlays);
        Thread.sleep(2_000); // anything counted twice would show by now
        JsonPath stats = stats(listener);
        assertThat(stats.getLong("total_plays")).isEqualTo(expectedPlays);
        assertThat(stats.getLong("total_listening_ms")).isEqualTo(expectedMs);
        assertThat(stats.getList("plays_by_day.plays", Integer.class).stream().mapToInt(Integer::intValue).sum())
                .isEqualTo(283);
        assertThat(stats.getInt("top_tracks[0].plays")).isEqualTo(40);

        Gateway.as(listener.token()).queryParam("limit", 200).get("/api/v1/plays")
                .then().statusCode(200).body("items.size()", equalTo(200));
    }

    @Test
    void keepsEachListenersStatsToThemselves() {
        Gateway.Listener alice = Gateway.newListener();
        Gateway.Listener bob = Gateway.newListener();
        Gateway.as(alice.token()).body(play(77, START, 1_000, 100)).post("/api/v1/plays").then().statusCode(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> stats(alice).getLong("total_plays") == 1);
        assertThat(stats(bob).getLong("total_plays")).isZero();
        Gateway.as(bob.token()).get("/api/v1/plays").then().statusCode(200).body("items.size()", equalTo(0));
    }

    private static JsonPath stats(Gateway.Listener listener) {
        return Gateway.as(listener.token()).get("/api/v1/stats/me").then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> play(long track, Instant at, int ms, int completion) {
        return Map.of("track_id", track, "played_at", at.toString(), "duration_played_ms", ms,
                "completion_percentage", completion);
    }
}
