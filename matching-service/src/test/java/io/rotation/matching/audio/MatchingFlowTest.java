package io.rotation.matching.audio;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.rotation.contracts.EventType;
import io.rotation.contracts.Topics;
import io.rotation.contracts.catalog.RecordUpserted;
import io.rotation.contracts.catalog.TrackUpserted;
import io.rotation.matching.support.MatchFixtures;
import io.rotation.platform.testing.KafkaTail;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.TestDatabase;
import io.rotation.platform.testing.TestEvents;
import io.rotation.platform.testing.TestTokens;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * catalog's events in → the release projected, its Discogs videos scored (by the test scorer), matches
 * written by threshold with primaries, history, legacy rows and events → served through Redis.
 */
@QuarkusTest
@WithTestResource(RotationStack.class)
class MatchingFlowTest {

    private static TestEvents events;
    private static String topic;

    @Inject
    RedisDataSource redis;

    @BeforeAll
    static void open() {
        events = new TestEvents();
        topic = ConfigProvider.getConfig().getValue("mp.messaging.incoming.catalog-records.topic", String.class);
    }

    @AfterAll
    static void close() {
        events.close();
    }

    @Test
    void matchesATracklistFromItsReleaseVideosByThresholdAndServesItFromRedis() {
        long record = MatchFixtures.newId();
        long alpha = MatchFixtures.newId();
        long beta = MatchFixtures.newId();
        long gamma = MatchFixtures.newId();
        String alphaVideo = videoId("a", record);
        String alphaLive = videoId("l", record);
        String betaVideo = videoId("b", record);
        String gammaVideo = videoId("g", record);
        try (KafkaTail matchEvents = new KafkaTail(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                Topics.MATCHING_MATCHES)) {
            publishRelease(record, List.of(alpha, beta, gamma), List.of("Alpha", "Beta", "Gamma"), List.of(
                    new RecordUpserted.Video("https://www.youtube.com/watch?v=" + alphaVideo, "Artist - Alpha {0.95}", 200),
                    new RecordUpserted.Video("https://youtu.be/" + alphaLive, "Artist - Alpha (live) {0.9}", 230),
                    new RecordUpserted.Video("https://www.youtube.com/watch?v=" + betaVideo, "Beta? {0.7}", 180),
                    new RecordUpserted.Video("https://www.youtube.com/watch?v=" + gammaVideo, "Gamma {0.3}", 90),
                    new RecordUpserted.Video("https://vimeo.com/12345", "Alpha elsewhere {0.99}", 200)));

            await().atMost(Duration.ofSeconds(60)).until(() -> TestDatabase.count(
                    "select count(*) from releases where record_id = ? and considered_at is not null", record) == 1);

            List<Map<String, Object>> rows = TestDatabase.rows("""
                    select track_id, external_id, status::text as status, is_primary, match_method,
                           metadata->'parts'->>'title' as title_part
                    from audio_matches where record_id = ? order by confidence_score desc""", record);
            assertThat(rows).extracting(r -> r.get("external_id"), r -> r.get("status"), r -> r.get("is_primary"))
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(alphaVideo, "auto_approved", true),
                            org.assertj.core.groups.Tuple.tuple(alphaLive, "auto_approved", false),
                            org.assertj.core.groups.Tuple.tuple(betaVideo, "needs_review", false));
            assertThat(rows).allSatisfy(r -> {
                assertThat(r.get("match_method")).isEqualTo("discogs_video");
                assertThat(r.get("title_part")).isNotNull();
            });
            assertThat(TestDatabase.count("select count(*) from match_candidates where track_id = ? "
                    + "and external_id = ? and score = 0.3", gamma, gammaVideo)).as("dropped, kept as candidate").isEqualTo(1);
            assertThat(TestDatabase.count("select count(*) from audio_matches where track_id = ?", gamma)).isZero();
            assertThat(TestDatabase.count("select count(*) from audio_match_history h join audio_matches m "
                    + "on m.id = h.audio_match_id where m.record_id = ? and h.action = 'created' "
                    + "and h.reason = 'automatic matching'", record)).isEqualTo(3);
            assertThat(TestDatabase.rows("select youtube_id from track_matches where track_id = ?", alpha))
                    .extracting(r -> r.get("youtube_id")).containsExactly(alphaVideo);

            List<String> created = matchEvents.await(r -> String.valueOf(alpha).equals(r.key())
                            || String.valueOf(beta).equals(r.key()), 3, Duration.ofSeconds(30)).stream()
                    .map(r -> new String(r.value(), StandardCharsets.UTF_8)).toList();
            assertThat(created).extracting(json -> JsonPath.from(json).getLong("record_id")).containsOnly(record);
            assertThat(created).extracting(json -> JsonPath.from(json).getString("external_id"),
                            json -> JsonPath.from(json).getBoolean("primary"))
                    .contains(org.assertj.core.groups.Tuple.tuple(alphaVideo, true));
        }

        JsonPath served = given().queryParam("track_id", alpha).get("/api/v1/matches").then().statusCode(200)
                .extract().jsonPath();
        assertThat(served.getList("items.external_id", String.class)).containsExactly(alphaVideo, alphaLive);
        assertThat(served.getList("items.is_primary", Boolean.class)).containsExactly(true, false);
        assertThat(served.getString("items[0].url")).isEqualTo("https://www.youtube.com/watch?v=" + alphaVideo);
        assertThat(served.getInt("items[0].duration_seconds")).isEqualTo(200);
        assertThat(served.getDouble("items[0].confidence_score")).isEqualTo(0.95);
        assertThat(redis.key().exists("matching:track:" + alpha)).as("cached in Redis").isTrue();

        TestDatabase.update("update audio_matches set title = 'changed behind the cache' where track_id = ?", alpha);
        assertThat(given().queryParam("track_id", alpha).get("/api/v1/matches").then().statusCode(200)
                .extract().jsonPath().getList("items.title", String.class)).as("answered from Redis")
                .doesNotContain("changed behind the cache");

        assertThat(given().queryParam("record_id", record).get("/api/v1/matches").then().statusCode(200)
                .extract().jsonPath().getList("items.external_id", String.class))
                .containsExactly(alphaVideo, alphaLive);
        long betaMatch = ((Number) TestDatabase.rows("select id from audio_matches where track_id = ?", beta)
                .get(0).get("id")).longValue();
        given().header("Authorization", "Bearer " + TestTokens.admin(TestTokens.newUserId()))
                .contentType("application/json").body(Map.of("status", "verified", "reason", "it is Beta"))
                .patch("/api/v1/matches/" + betaMatch).then().statusCode(200);
        assertThat(given().queryParam("record_id", record).get("/api/v1/matches").then().statusCode(200)
                .extract().jsonPath().getList("items.external_id", String.class))
                .as("the review evicted the record's list").containsExactly(alphaVideo, alphaLive, betaVideo);
    }

    @Test
    void anUnchangedReplayOfTheCatalogIsNotMatchedAgainButAChangedTracklistIs() {
        long record = MatchFixtures.newId();
        long one = MatchFixtures.newId();
        String video = videoId("o", record);
        List<RecordUpserted.Video> videos = List.of(
                new RecordUpserted.Video("https://www.youtube.com/watch?v=" + video, "One {0.92}", 100));
        publishRelease(record, List.of(one), List.of("One"), videos);
        await().atMost(Duration.ofSeconds(60)).until(() -> TestDatabase.count(
                "select count(*) from releases where record_id = ? and considered_at is not null", record) == 1);
        Object considered = TestDatabase.rows("select considered_at from releases where record_id = ?", record)
                .get(0).get("considered_at");

        UUID replayed = publishRelease(record, List.of(one), List.of("One"), videos);
        await().atMost(Duration.ofSeconds(60)).until(() -> TestDatabase.count(
                "select count(*) from processed_event where consumer = 'matching.catalog-records' and event_id = ?",
                replayed) == 1);
        assertThat(TestDatabase.rows("select considered_at, match_requested_at from releases where record_id = ?",
                record).get(0)).containsEntry("considered_at", considered).containsEntry("match_requested_at", null);

        publishRelease(record, List.of(one), List.of("One (renamed)"), videos);
        await().atMost(Duration.ofSeconds(60)).until(() -> !considered.equals(TestDatabase.rows(
                "select considered_at from releases where record_id = ?", record).get(0).get("considered_at")));
        assertThat(TestDatabase.rows("select title from release_tracks where track_id = ?", one).get(0))
                .containsEntry("title", "One (renamed)");
    }

    @Test
    void aRematchEvictsTheServedListOfItsTracks() {
        long record = MatchFixtures.newId();
        long one = MatchFixtures.newId();
        String video = videoId("e", record);
        String url = "https://www.youtube.com/watch?v=" + video;
        publishRelease(record, List.of(one), List.of("One"), List.of(new RecordUpserted.Video(url, "One {0.96}", 200)));
        await().atMost(Duration.ofSeconds(60)).until(() -> TestDatabase.count(
                "select count(*) from releases where record_id = ? and considered_at is not null", record) == 1);
        assertThat(given().queryParam("track_id", one).get("/api/v1/matches").then().statusCode(200).extract()
                .jsonPath().getList("items.external_id", String.class)).containsExactly(video);
        assertThat(redis.key().exists("matching:track:" + one)).as("cached in Redis").isTrue();

        // the tracklist changes and the video now only deserves a review: the served list must not outlive it
        publishRelease(record, List.of(one), List.of("One (Edit)"),
                List.of(new RecordUpserted.Video(url, "One (Edit) {0.6}", 200)));
        await().atMost(Duration.ofSeconds(60)).until(() -> TestDatabase.count(
                "select count(*) from audio_matches where track_id = ? and status = 'needs_review'", one) == 1);
        assertThat(given().queryParam("track_id", one).get("/api/v1/matches").then().statusCode(200).extract()
                .jsonPath().getList("items.external_id", String.class)).as("evicted by the rematch").isEmpty();
    }

    /** @return the id of the RecordUpserted event */
    private static UUID publishRelease(long record, List<Long> trackIds, List<String> titles,
                                       List<RecordUpserted.Video> videos) {
        Instant now = Instant.now();
        for (int i = 0; i < trackIds.size(); i++) {
            events.send(topic, UUID.randomUUID(), EventType.TRACK_UPSERTED, String.valueOf(record),
                    new TrackUpserted(trackIds.get(i), record, null, "A" + (i + 1), i, titles.get(i), "Artist", 200,
                            now, List.of(), false));
        }
        UUID id = UUID.randomUUID();
        events.send(topic, id, EventType.RECORD_UPSERTED, String.valueOf(record),
                new RecordUpserted(record, null, "Artist", "Release " + record, 1999, List.of(), List.of(), trackIds,
                        now, List.of("Artist"), videos));
        return id;
    }

    /** An 11-character YouTube-like id, unique per record. */
    private static String videoId(String prefix, long record) {
        String base = prefix + Long.toString(record, 36) + "xxxxxxxxxxx";
        return base.substring(0, 11);
    }
}
