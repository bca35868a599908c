package io.rotation.matching.platforms;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.rotation.matching.platforms.bandcamp.BandcampAdapter;
import io.rotation.matching.platforms.service.PlatformAdapter;
import io.rotation.matching.platforms.service.PlatformAdapter.TrackQuery;
import io.rotation.matching.platforms.service.PlatformHttp;
import io.rotation.matching.platforms.soundcloud.SoundCloudAdapter;
import io.rotation.matching.platforms.spotify.SpotifyAdapter;
import io.rotation.matching.platforms.youtube.YouTubeAdapter;
import io.rotation.matching.scoring.model.Candidate;
import io.rotation.platform.json.RotationObjectMapper;
import io.vertx.mutiny.core.Vertx;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The platform adapters against WireMock replaying the platforms' documented answers. */
class PlatformAdaptersTest {

    private static final TrackQuery QUERY = new TrackQuery("The Persuader", "Östermalm", "Stockholm", 290, 3);
    private static final ObjectMapper MAPPER = RotationObjectMapper.create();

    private static WireMockServer wiremock;
    private static Vertx vertx;
    private static PlatformHttp http;

    @BeforeAll
    static void start() {
        wiremock = new WireMockServer(wireMockConfig().dynamicPort());
        wiremock.start();
        vertx = Vertx.vertx();
        http = new PlatformHttp(vertx);
    }

    @AfterAll
    static void stop() {
        wiremock.stop();
        vertx.closeAndAwait();
    }

    @AfterEach
    void reset() {
        wiremock.resetAll();
    }

    private TestPlatformsConfig config() {
        return new TestPlatformsConfig(wiremock.baseUrl(), true);
    }

    @Test
    void youtubeSearchesPageByPageThenReadsDurationsAndCounts() {
        TestPlatformsConfig config = config();
        config.pageSize = 2;
        wiremock.stubFor(get(urlPathEqualTo("/youtube/v3/search")).withQueryParam("key", equalTo("test-key"))
                .withQueryParam("q", equalTo("The Persuader Östermalm")).withQueryParam("type", equalTo("video"))
                .withQueryParam("maxResults", equalTo("2")).willReturn(okJson(body("youtube-search-page1.json"))));
        wiremock.stubFor(get(urlPathEqualTo("/youtube/v3/search")).withQueryParam("pageToken", equalTo("CAIQAA"))
                .withQueryParam("maxResults", equalTo("1")).willReturn(okJson(body("youtube-search-page2.json"))));
        wiremock.stubFor(get(urlPathEqualTo("/youtube/v3/videos"))
                .withQueryParam("id", equalTo("Vid00000001,Vid00000002,Vid00000003"))
                .withQueryParam("part", equalTo("contentDetails,statistics"))
                .willReturn(okJson(body("youtube-videos.json"))));

        List<Candidate> found = search(new YouTubeAdapter(config, http, MAPPER));

        assertThat(found).extracting(Candidate::externalId).containsExactly("Vid00000001", "Vid00000002", "Vid00000003");
        assertThat(found.get(0)).isEqualTo(new Candidate("youtube", "Vid00000001",
                "https://www.youtube.com/watch?v=Vid00000001", "The Persuader - Östermalm", "Svek Records", 253,
                Candidate.SOURCE_SEARCH, 1_234_567L, 8_910L));
        assertThat(found.get(1).durationSeconds()).isEqualTo(3723);
        assertThat(found.get(1).likeCount()).as("likes hidden").isNull();
        wiremock.verify(2, getRequestedFor(urlPathEqualTo("/youtube/v3/search")));
    }

    @Test
    void youtubeStopsForTheDayWhenTheQuotaIsExhausted() {
        YouTubeAdapter adapter = new YouTubeAdapter(config(), http, MAPPER);
        wiremock.stubFor(get(urlPathEqualTo("/youtube/v3/search"))
                .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/json")
                        .withBody(body("youtube-quota-exceeded.json"))));

        assertThat(search(adapter)).isEmpty();
        assertThat(search(adapter)).isEmpty();

        wiremock.verify(1, getRequestedFor(urlPathEqualTo("/youtube/v3/search")));
        assertThat(adapter.state().describe()).containsEntry("last_problem", "quota exhausted");
    }

    @Test
    void youtubeSpendsNoMoreThanItsDailyBudget() {
        TestPlatformsConfig config = config();
        config.dailyQuotaUnits = 150;
        YouTubeAdapter adapter = new YouTubeAdapter(config, http, MAPPER);
        wiremock.stubFor(get(urlPathEqualTo("/youtube/v3/search")).willReturn(okJson(body("youtube-search-page1.json"))));
        wiremock.stubFor(get(urlPathEqualTo("/youtube/v3/videos")).willReturn(okJson(body("youtube-videos.json"))));

        assertThat(search(adapter)).hasSize(2);
        assertThat(search(adapter)).as("the second search would pass the budget").isEmpty();
        wiremock.verify(1, getRequestedFor(urlPathEqualTo("/youtube/v3/search")));
    }

    @Test
    void spotifyFetchesATokenPagesByOffsetAndWaitsOutA429() {
        wiremock.stubFor(post(urlPathEqualTo("/api/token")).withBasicAuth("spotify-id", "spotify-secret")
                .willReturn(okJson(body("spotify-token.json"))));
        TestPlatformsConfig config = config();
        config.pageSize = 2;
        wiremock.stubFor(get(urlPathEqualTo("/v1/search")).withQueryParam("offset", equalTo("0"))
                .inScenario("rate").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")
                        .withBody(body("spotify-rate-limited.json")))
                .willSetStateTo("waited"));
        wiremock.stubFor(get(urlPathEqualTo("/v1/search")).withQueryParam("offset", equalTo("0"))
                .withHeader("Authorization", equalTo("Bearer BQDtestSpotifyAccessToken"))
                .withQueryParam("type", equalTo("track"))
                .withQueryParam("q", equalTo("track:Östermalm artist:The Persuader"))
                .inScenario("rate").whenScenarioStateIs("waited")
                .willReturn(okJson(body("spotify-search-page1.json"))));
        wiremock.stubFor(get(urlPathEqualTo("/v1/search")).withQueryParam("offset", equalTo("2"))
                .withQueryParam("limit", equalTo("1")).willReturn(okJson(body("spotify-search-page2.json"))));

        List<Candidate> found = search(new SpotifyAdapter(config, http, MAPPER));

        assertThat(found).extracting(Candidate::externalId)
                .containsExactly("4uLU6hMCjMI75M1A2tKUQC", "5vMV7iNDkNJ86N2B3uLVRD", "6wNW8jOElOK97O3C4vMWSE");
        assertThat(found.get(0).url()).isEqualTo("https://open.spotify.com/track/4uLU6hMCjMI75M1A2tKUQC");
        assertThat(found.get(0).durationSeconds()).isEqualTo(290);
        assertThat(found.get(2).title()).isEqualTo("The Persuader - Östermalm - Dub Mix");
        wiremock.verify(1, postRequestedFor(urlPathEqualTo("/api/token")));
        wiremock.verify(3, getRequestedFor(urlPathEqualTo("/v1/search")));
    }

    @Test
    void soundcloudFollowsNextHrefWithItsOAuthToken() {
        wiremock.stubFor(post(urlPathEqualTo("/oauth/token")).withBasicAuth("sc-id", "sc-secret")
                .willReturn(okJson(body("soundcloud-token.json"))));
        String page1 = body("soundcloud-tracks-page1.json")
                .replace("https://api.soundcloud.com", wiremock.baseUrl());
        wiremock.stubFor(get(urlPathEqualTo("/tracks")).withQueryParam("linked_partitioning", equalTo("true"))
                .withQueryParam("q", equalTo("The Persuader Östermalm"))
                .withHeader("Authorization", equalTo("OAuth 2-290059-test-soundcloud-token"))
                .willReturn(okJson(page1)));
        wiremock.stubFor(get(urlPathEqualTo("/tracks")).withQueryParam("cursor", equalTo("page2"))
                .willReturn(okJson(body("soundcloud-tracks-page2.json"))));

        List<Candidate> found = search(new SoundCloudAdapter(config(), http, MAPPER));

        assertThat(found).extracting(Candidate::externalId)
                .containsExactly("svek-records/ostermalm", "some-dj/deep-house-mix-2017");
        assertThat(found.get(0)).isEqualTo(new Candidate("soundcloud", "svek-records/ostermalm",
                "https://soundcloud.com/svek-records/ostermalm", "Östermalm", "Svek Records", 290,
                Candidate.SOURCE_SEARCH, 48_211L, 512L));
    }

    @Test
    void aPlatformThatNeverAnswersInTimeGivesNoCandidatesAfterItsRetries() {
        TestPlatformsConfig config = config();
        config.timeout = Duration.ofMillis(300);
        config.maxRetries = 1;
        wiremock.stubFor(post(urlPathEqualTo("/api/bcsearch_public_api/1/autocomplete_elastic"))
                .willReturn(okJson(body("bandcamp-search.json")).withFixedDelay(2_000)));
        BandcampAdapter adapter = new BandcampAdapter(config, http, MAPPER);

        assertThat(search(adapter)).isEmpty();

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> wiremock.verify(2,
                postRequestedFor(urlPathEqualTo("/api/bcsearch_public_api/1/autocomplete_elastic"))));
        assertThat((String) adapter.state().describe().get("last_problem")).contains("after 2 attempts");
    }

    @Test
    void bandcampReadsTrackResultsOnlyAndRetriesA5xx() {
        wiremock.stubFor(post(urlPathEqualTo("/api/bcsearch_public_api/1/autocomplete_elastic"))
                .inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        wiremock.stubFor(post(urlPathEqualTo("/api/bcsearch_public_api/1/autocomplete_elastic"))
                .inScenario("flaky").whenScenarioStateIs("up").willReturn(okJson(body("bandcamp-search.json"))));

        List<Candidate> found = search(new BandcampAdapter(config(), http, MAPPER));

        assertThat(found).extracting(Candidate::externalId, Candidate::url).containsExactly(
                org.assertj.core.groups.Tuple.tuple("thepersuader/stermalm",
                        "https://thepersuader.bandcamp.com/track/stermalm"));
    }

    @Test
    void withoutCredentialsEveryAdapterIsOffSaysWhyAndCallsNothing() {
        TestPlatformsConfig off = new TestPlatformsConfig(wiremock.baseUrl(), false);
        List<PlatformAdapter> adapters = List.of(new YouTubeAdapter(off, http, MAPPER),
                new SpotifyAdapter(off, http, MAPPER), new SoundCloudAdapter(off, http, MAPPER),
                new BandcampAdapter(off, http, MAPPER));
        for (PlatformAdapter adapter : adapters) {
            assertThat(adapter.enabled()).as(adapter.platform().name()).isFalse();
            assertThat(adapter.state().describe()).containsKey("off_because");
            assertThat(search(adapter)).isEmpty();
        }
        assertThat(wiremock.getAllServeEvents()).isEmpty();
    }

    private static List<Candidate> search(PlatformAdapter adapter) {
        return adapter.search(QUERY).await().atMost(Duration.ofSeconds(20));
    }

    private static String body(String name) {
        try (InputStream in = PlatformAdaptersTest.class.getResourceAsStream("/platforms/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
