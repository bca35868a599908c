package io.rotation.userfeatures.play;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.TestTokens;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The listening history's filters: a time range and a track, for the caller only, retries listed once. */
@QuarkusTest
@WithTestResource(RotationStack.class)
class PlayHistoryFilterTest {

    private static final Instant T0 = Instant.parse("2026-10-01T10:00:00Z");

    @Test
    void listsTheCallersPlaysInARangeAndOfOneTrackOnce() {
        long user = TestTokens.newUserId();
        String token = TestTokens.user(user);
        List<Map<String, Object>> plays = List.of(
                Map.of("track_id", 1, "played_at", T0.toString()),
                Map.of("track_id", 2, "played_at", T0.plusSeconds(3600).toString()),
                Map.of("track_id", 1, "played_at", T0.plusSeconds(7200).toString()),
                // a retry of the first play
                Map.of("track_id", 1, "played_at", T0.toString()));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("plays", plays))
                .post("/api/v1/plays/batch").then().statusCode(200).body("duplicates", equalTo(1));
        given().auth().oauth2(TestTokens.user(TestTokens.newUserId())).contentType(ContentType.JSON)
                .body(Map.of("track_id", 1, "played_at", T0.plusSeconds(60).toString()))
                .post("/api/v1/plays").then().statusCode(201);

        given().auth().oauth2(token).get("/api/v1/plays?track_id=1").then().statusCode(200)
                .body("items.played_at", contains(T0.plusSeconds(7200).toString(), T0.toString()));
        given().auth().oauth2(token).queryParam("from", T0.plusSeconds(1).toString())
                .queryParam("to", T0.plusSeconds(7200).toString()).get("/api/v1/plays").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].track_id", equalTo(2));
        given().auth().oauth2(token).queryParam("from", T0.toString()).queryParam("track_id", 1)
                .queryParam("limit", 1).get("/api/v1/plays").then().statusCode(200).body("items", hasSize(1));
    }

    @Test
    void refusesABadFilterNamingIt() {
        String token = TestTokens.user(TestTokens.newUserId());
        given().auth().oauth2(token).get("/api/v1/plays?from=yesterday").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("from"));
        given().auth().oauth2(token).queryParam("from", T0.toString()).queryParam("to", T0.toString())
                .get("/api/v1/plays").then().statusCode(400).body("errors[0].field", equalTo("to"));
        given().auth().oauth2(token).get("/api/v1/plays?track_id=x").then().statusCode(400)
                .body("errors[0].field", equalTo("track_id"));
    }
}
