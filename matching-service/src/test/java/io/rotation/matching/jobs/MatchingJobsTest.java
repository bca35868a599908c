package io.rotation.matching.jobs;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.rotation.contracts.EventType;
import io.rotation.contracts.Topics;
import io.rotation.contracts.jobs.JobRequested;
import io.rotation.matching.audio.service.MatchAftermath;
import io.rotation.matching.audio.service.MatchingSettings;
import io.rotation.matching.cache.repository.MetadataCacheRepository;
import io.rotation.matching.cache.service.MetadataRefresh;
import io.rotation.matching.platforms.TestPlatformsConfig;
import io.rotation.matching.platforms.service.PlatformHttp;
import io.rotation.matching.platforms.youtube.YouTubeAdapter;
import io.rotation.matching.support.MatchFixtures;
import io.rotation.platform.jobs.JobContext;
import io.rotation.platform.jobs.JobRunner;
import io.rotation.platform.testing.KafkaTail;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.TestDatabase;
import io.rotation.platform.testing.TestEvents;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
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

/** matching's jobs: audio_matching dispatched over Kafka, metadata_refresh against YouTube on WireMock. */
@QuarkusTest
@WithTestResource(RotationStack.class)
class MatchingJobsTest {

    private static WireMockServer wiremock;

    @Inject
    Pool pool;
    @Inject
    MetadataCacheRepository cache;
    @Inject
    MatchAftermath aftermath;
    @Inject
    MatchingSettings settings;
    @Inject
    ObjectMapper mapper;
    @Inject
    Vertx vertx;
    @Inject
    JobRunner runner;

    @BeforeAll
    static void start() {
        wiremock = new WireMockServer(wireMockConfig().dynamicPort());
        wiremock.start();
    }

    @AfterAll
    static void stop() {
        wiremock.stop();
    }

    @Test
    void anAudioMatchingRequestRematchesTheReleaseAndReportsItsProgress() {
        long record = MatchFixtures.newId();
        MatchFixtures.releaseWithTrack(record, "Job Track");
        TestDatabase.update("update releases set considered_at = '2000-01-01T00:00:00Z' where record_id = ?", record);
        long jobId = MatchFixtures.newId();
        String topic = ConfigProvider.getConfig().getValue("mp.messaging.incoming.job-requests.topic", String.class);
        try (TestEvents events = new TestEvents();
             KafkaTail progress = new KafkaTail(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers",
                     String.class), Topics.JOB_PROGRESS)) {
            events.send(topic, UUID.randomUUID(), EventType.JOB_REQUESTED, String.valueOf(jobId),
                    new JobRequested(jobId, "audio_matching", "matching-service", Map.of("record_ids", List.of(record)),
                            1, null, Instant.now()));
            List<String> reports = progress.await(r -> JobRequested.runKeyOf(jobId).equals(r.key())
                            && "completed".equals(JsonPath.from(new String(r.value(), StandardCharsets.UTF_8))
                            .getString("status")), 1,
                    Duration.ofSeconds(60)).stream().map(r -> new String(r.value(), StandardCharsets.UTF_8)).toList();
            assertThat(reports).hasSize(1);
            JsonPath completed = JsonPath.from(reports.get(0));
            assertThat(completed.getString("job_type")).isEqualTo("audio_matching");
            assertThat(completed.getString("service")).isEqualTo("matching-service");
        }
        assertThat(TestDatabase.count("select count(*) from releases where record_id = ? "
                + "and considered_at > '2000-01-01T00:00:00Z' and match_requested_at is null", record)).isEqualTo(1);
    }

    @Test
    void metadataRefreshFeedsPopularityIntoTheRankingCachesItAndRetiresVanishedVideos() {
        long record = MatchFixtures.newId();
        long track = MatchFixtures.releaseWithTrack(record, "Ranked Track");
        String quiet = "qt" + Long.toString(record, 36);
        String popular = "pp" + Long.toString(record, 36);
        String vanished = "vn" + Long.toString(record, 36);
        MatchFixtures.match(track, record, quiet, "auto_approved", 0.91);
        MatchFixtures.match(track, record, popular, "auto_approved", 0.90);
        MatchFixtures.match(track, record, vanished, "auto_approved", 0.99);
        wiremock.stubFor(get(urlPathEqualTo("/youtube/v3/videos")).willReturn(okJson(body("youtube-videos-metadata.json")
                .replace("@QUIET@", quiet).replace("@POPULAR@", popular))));
        MetadataRefresh refresh = new MetadataRefresh(pool, cache, aftermath, settings,
                List.of(new YouTubeAdapter(new TestPlatformsConfig(wiremock.baseUrl(), true), new PlatformHttp(vertx),
                        mapper)), mapper);

        Map<String, Object> result = run(refresh, track);

        assertThat(result).containsEntry("refreshed", 2L).containsEntry("unavailable", 1L);
        assertThat(given().queryParam("track_id", track).get("/api/v1/matches").then().statusCode(200)
                .extract().jsonPath().getList("items.external_id", String.class))
                .as("between equally good matches the popular one leads; the vanished one is gone")
                .containsExactly(popular, quiet);
        assertThat(TestDatabase.rows("select view_count, like_count, is_primary from audio_matches "
                + "where external_id = ?", popular).get(0))
                .containsEntry("view_count", 1_000_000L).containsEntry("like_count", 20_000L)
                .containsEntry("is_primary", true);
        assertThat(TestDatabase.count("select count(*) from metadata_cache where entity_type = 'youtube' "
                + "and entity_id = any(string_to_array(?, ',')) and refresh_after > now() and expires_at >= refresh_after",
                quiet + "," + popular + "," + vanished)).isEqualTo(3);

        Map<String, Object> again = run(refresh, track);
        assertThat(again).as("nothing due before refresh_after").containsEntry("refreshed", 0L);
    }

    /** One run, opened on the platform runner as a self-started run and ended with its result. */
    private Map<String, Object> run(MetadataRefresh refresh, long track) {
        JobContext job = runner.open("matching-service/test/" + UUID.randomUUID(), MetadataRefresh.JOB_TYPE,
                Map.of("track_ids", List.of(track)), null);
        Map<String, Object> result = refresh.run(job);
        job.completed(result);
        return result;
    }

    private static String body(String name) {
        try (InputStream in = MatchingJobsTest.class.getResourceAsStream("/platforms/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
