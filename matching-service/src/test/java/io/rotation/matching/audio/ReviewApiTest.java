package io.rotation.matching.audio;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.rotation.matching.support.MatchFixtures;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.TestDatabase;
import io.rotation.platform.testing.TestTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The admins' review API: the queue, verdicts with history, matches added by hand, and bad input refused. */
@QuarkusTest
@WithTestResource(RotationStack.class)
class ReviewApiTest {

    private final long admin = TestTokens.newUserId();

    @Test
    void listsMatchesWaitingForReviewOldestFirstWithScorePartsAndCandidatesInCursorPages() {
        long record = MatchFixtures.newId();
        long track = MatchFixtures.releaseWithTrack(record, "Queued Track");
        long older = MatchFixtures.match(track, record, "q1" + record, "needs_review", 0.7);
        long newer = MatchFixtures.match(track, record, "q2" + record, "needs_review", 0.6);
        TestDatabase.update("update audio_matches set status_changed_at = '2000-01-01T00:00:00Z' where id = ?", older);
        TestDatabase.update("update audio_matches set status_changed_at = '2000-01-01T00:00:01Z' where id = ?", newer);
        TestDatabase.update("""
                insert into match_candidates (track_id, platform, external_id, title, score, raw)
                values (?, 'youtube', ?, 'candidate', 0.7, '{"source": "release_video", "parts": {"title": 0.8}}')""",
                track, "q1" + record);

        // the queue is shared with other tests' matches: walk it page by page until both are seen
        List<Long> order = new ArrayList<>();
        JsonPath withOlder = null;
        String cursor = null;
        do {
            // a first page of one, so that there is a cursor to follow whatever else is queued
            RequestSpecification request = admin().queryParam("limit", order.isEmpty() ? 1 : 200);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/matches/review-queue").then().statusCode(200).extract().jsonPath();
            List<Long> ids = page.getList("items.match.id", Long.class);
            if (ids.contains(older)) {
                withOlder = page;
            }
            order.addAll(ids);
            cursor = page.getString("next_cursor");
            assertThat(cursor != null || order.size() > 1).as("a page of one has a next page").isTrue();
        } while (cursor != null && !(order.contains(older) && order.contains(newer)));

        assertThat(order).as("no item twice across pages").doesNotHaveDuplicates();
        assertThat(order).contains(older, newer);
        assertThat(order.indexOf(older)).as("queued longest first").isLessThan(order.indexOf(newer));
        String item = "items.find { it.match.id == " + older + " }";
        assertThat(withOlder.getDouble(item + ".score_parts.parts.title")).isEqualTo(0.9);
        assertThat(withOlder.getString(item + ".track.title")).isEqualTo("Queued Track");
        assertThat(withOlder.getList(item + ".candidates.external_id", String.class)).containsExactly("q1" + record);
        assertThat(withOlder.getDouble(item + ".candidates[0].parts.title")).isEqualTo(0.8);

        for (long match : List.of(older, newer)) {
            admin().contentType("application/json").body(Map.of("status", "rejected", "reason", "test done"))
                    .patch("/api/v1/matches/" + match).then().statusCode(200);
        }
    }

    @Test
    void aVerdictChangesTheStatusAndLeavesHistoryWithWhoAndWhy() {
        long record = MatchFixtures.newId();
        long track = MatchFixtures.releaseWithTrack(record, "Reviewed Track");
        long match = MatchFixtures.match(track, record, "rv" + record, "needs_review", 0.7);

        admin().contentType("application/json").body(Map.of("status", "rejected", "reason", "a cover version"))
                .patch("/api/v1/matches/" + match).then().statusCode(200)
                .body("status", equalTo("rejected")).body("is_primary", equalTo(false));

        Map<String, Object> history = TestDatabase.rows("""
                select old_status::text as old_status, new_status::text as new_status, changed_by, reason
                from audio_match_history where audio_match_id = ? and action = 'status_changed'""", match).get(0);
        assertThat(history).containsEntry("old_status", "needs_review").containsEntry("new_status", "rejected")
                .containsEntry("changed_by", admin).containsEntry("reason", "a cover version");
        assertThat(TestDatabase.rows("select verified_by from audio_matches where id = ?", match).get(0))
                .containsEntry("verified_by", admin);

        admin().contentType("application/json").body(Map.of("status", "verified", "reason", "it is the track"))
                .patch("/api/v1/matches/" + match).then().statusCode(200)
                .body("status", equalTo("verified")).body("is_primary", equalTo(true));
        assertThat(TestDatabase.rows("select youtube_id from track_matches where track_id = ?", track))
                .extracting(r -> r.get("youtube_id")).containsExactly("rv" + record);
    }

    @Test
    void refusesBadVerdictsNamingTheFieldAndWritesNothing() {
        long record = MatchFixtures.newId();
        long track = MatchFixtures.releaseWithTrack(record, "Guarded Track");
        long match = MatchFixtures.match(track, record, "gd" + record, "needs_review", 0.7);

        problem(admin().contentType("application/json").body(Map.of("status", "auto_approved"))
                .patch("/api/v1/matches/" + match), 400, "status");
        problem(admin().contentType("application/json").body(Map.of("status", "verified", "reason", "x".repeat(1001)))
                .patch("/api/v1/matches/" + match), 400, "reason");
        problem(admin().contentType("application/json").body(Map.of("status", "verified"))
                .patch("/api/v1/matches/abc"), 400, "id");
        admin().contentType("application/json").body(Map.of("status", "verified"))
                .patch("/api/v1/matches/999999999999").then().statusCode(404)
                .contentType("application/problem+json");

        assertThat(TestDatabase.count("select count(*) from audio_match_history where audio_match_id = ?", match))
                .as("only the creation").isEqualTo(1);
        assertThat(TestDatabase.rows("select status::text as s from audio_matches where id = ?", match).get(0))
                .containsEntry("s", "needs_review");
    }

    @Test
    void addsAMatchByHandFromItsUrlVerifiedAtOnce() {
        long record = MatchFixtures.newId();
        long track = MatchFixtures.releaseWithTrack(record, "Hand Track");

        JsonPath added = admin().contentType("application/json").body(Map.of("track_id", track,
                        "platform", "spotify", "url", "https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC?si=abc"))
                .post("/api/v1/matches").then().statusCode(201).extract().jsonPath();
        assertThat(added.getString("external_id")).isEqualTo("4uLU6hMCjMI75M1A2tKUQC");
        assertThat(added.getString("status")).isEqualTo("verified");
        assertThat(added.getBoolean("is_primary")).isTrue();
        assertThat(TestDatabase.rows("""
                select h.changed_by, h.reason from audio_match_history h where h.audio_match_id = ?
                and h.action = 'created'""", added.getLong("id")).get(0))
                .containsEntry("changed_by", admin).containsEntry("reason", "added by hand");
        assertThat(given().queryParam("track_id", track).get("/api/v1/matches").then().statusCode(200)
                .extract().jsonPath().getList("items.external_id", String.class))
                .containsExactly("4uLU6hMCjMI75M1A2tKUQC");

        problem(admin().contentType("application/json").body(Map.of("track_id", track, "platform", "youtube",
                "url", "https://soundcloud.com/artist/song")).post("/api/v1/matches"), 400, "url");
        problem(admin().contentType("application/json").body(Map.of("track_id", track, "platform", "youtube",
                "url", "https://www.youtube.com/watch?v=short")).post("/api/v1/matches"), 400, "url");
        problem(admin().contentType("application/json").body(Map.of("track_id", track, "platform", "napster",
                "url", "https://youtu.be/dQw4w9WgXcQ")).post("/api/v1/matches"), 400, "platform");
        problem(admin().contentType("application/json").body(Map.of("track_id", MatchFixtures.newId(),
                "platform", "youtube", "url", "https://youtu.be/dQw4w9WgXcQ")).post("/api/v1/matches"), 400,
                "track_id");
        admin().contentType("application/json").body(Map.of("track_id", track, "platform", "spotify",
                        "url", "spotify:track:4uLU6hMCjMI75M1A2tKUQC"))
                .post("/api/v1/matches").then().statusCode(409).contentType("application/problem+json");
        assertThat(TestDatabase.count("select count(*) from audio_matches where track_id = ?", track)).isEqualTo(1);
    }

    private RequestSpecification admin() {
        return given().header("Authorization", "Bearer " + TestTokens.admin(admin));
    }

    private static void problem(io.restassured.response.Response response, int status, String field) {
        response.then().statusCode(status).contentType("application/problem+json");
        List<String> fields = response.jsonPath().getList("errors.field", String.class);
        assertThat(fields == null || fields.isEmpty() ? response.asString() : String.join(",", fields))
                .contains(field);
    }
}
