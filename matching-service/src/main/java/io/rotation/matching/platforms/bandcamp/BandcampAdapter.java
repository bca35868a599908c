package io.rotation.matching.platforms.bandcamp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rotation.matching.audio.model.AudioPlatform;
import io.rotation.matching.audio.service.PlatformUrls;
import io.rotation.matching.platforms.service.BaseAdapter;
import io.rotation.matching.platforms.service.PlatformHttp;
import io.rotation.matching.platforms.service.PlatformsConfig;
import io.rotation.matching.scoring.model.Candidate;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * Bandcamp offers third parties no search API; its web pages search through
 * {@code POST /api/bcsearch_public_api/1/autocomplete_elastic} (filter {@code t}: tracks), one page of
 * results without durations. Off unless enabled ({@code rotation.matching.platforms.bandcamp.enabled}).
 */
@Singleton
public class BandcampAdapter extends BaseAdapter {

    private final PlatformsConfig.Bandcamp config;
    private final PlatformHttp http;
    private final ObjectMapper mapper;

    public BandcampAdapter(PlatformsConfig config, PlatformHttp http, ObjectMapper mapper) {
        super(AudioPlatform.bandcamp, config.bandcamp().enabled() ? null
                : "not enabled (rotation.matching.platforms.bandcamp.enabled): Bandcamp has no public search API");
        this.config = config.bandcamp();
        this.http = http;
        this.mapper = mapper;
    }

    @Override
    public Uni<List<Candidate>> search(TrackQuery query) {
        if (!enabled()) {
            return Uni.createFrom().item(List.of());
        }
        JsonObject body = new JsonObject().put("search_text", query.text()).put("search_filter", "t")
                .put("full_page", false).putNull("fan_id");
        return http.send("bandcamp search", config, () -> http.request(HttpMethod.POST,
                        config.baseUrl() + "/api/bcsearch_public_api/1/autocomplete_elastic").sendJsonObject(body))
                .map(answer -> {
                    List<Candidate> found = new ArrayList<>();
                    for (JsonNode r : state.read(mapper, answer, (a, b) -> false).path("auto").path("results")) {
                        if (found.size() < query.limit() && "t".equals(r.path("type").asText())) {
                            PlatformUrls.parse(r.path("item_url_path").asText("")).ifPresent(url -> found.add(
                                    new Candidate(AudioPlatform.bandcamp.name(), url.externalId(), url.url(),
                                            r.path("band_name").asText("") + " - " + r.path("name").asText(""),
                                            r.path("band_name").asText(null), null, Candidate.SOURCE_SEARCH, null,
                                            null)));
                        }
                    }
                    return found;
                })
                .onFailure().recoverWithItem(state::failed);
    }
}
