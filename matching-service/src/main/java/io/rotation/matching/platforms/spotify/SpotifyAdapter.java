package io.rotation.matching.platforms.spotify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rotation.matching.audio.model.AudioPlatform;
import io.rotation.matching.platforms.service.BaseAdapter;
import io.rotation.matching.platforms.service.ClientCredentials;
import io.rotation.matching.platforms.service.PlatformHttp;
import io.rotation.matching.platforms.service.PlatformsConfig;
import io.rotation.matching.scoring.model.Candidate;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;

/**
 * Spotify Web API: {@code GET /v1/search?type=track} with a client-credentials token, paged by
 * {@code offset} while {@code tracks.next} is set. Spotify gives no view or like counts (its popularity
 * is relative to the catalog), so they stay unknown.
 */
@Singleton
public class SpotifyAdapter extends BaseAdapter {

    private final PlatformsConfig.Spotify config;
    private final PlatformHttp http;
    private final ObjectMapper mapper;
    private final ClientCredentials credentials;

    public SpotifyAdapter(PlatformsConfig config, PlatformHttp http, ObjectMapper mapper) {
        super(AudioPlatform.spotify, ClientCredentials.configured(config.spotify().clientId(), config.spotify().clientSecret())
                ? null : "no client id and secret (rotation.matching.platforms.spotify.client-id / client-secret)");
        this.config = config.spotify();
        this.http = http;
        this.mapper = mapper;
        this.credentials = enabled() ? new ClientCredentials(this.config.accountsUrl() + "/api/token", this.config.clientId().get(),
                this.config.clientSecret().get(), this.config, http, mapper) : null;
    }

    @Override
    public Uni<List<Candidate>> search(TrackQuery query) {
        if (!enabled()) {
            return Uni.createFrom().item(List.of());
        }
        String q = "track:" + query.title() + (query.artist() == null || query.artist().isBlank() ? ""
                : " artist:" + query.artist());
        return page(q, 0, query.limit(), new ArrayList<>(), false).onFailure().recoverWithItem(state::failed);
    }

    private Uni<List<Candidate>> page(String q, int offset, int limit, List<Candidate> found, boolean retried) {
        int size = Math.min(config.pageSize(), limit - found.size());
        return credentials.token()
                .chain(token -> http.send("spotify search", config, () -> http.request(HttpMethod.GET,
                                config.baseUrl() + "/v1/search")
                        .addQueryParam("q", q).addQueryParam("type", "track")
                        .addQueryParam("limit", String.valueOf(size)).addQueryParam("offset", String.valueOf(offset))
                        .putHeader("Authorization", "Bearer " + token).send()))
                .chain(answer -> {
                    if (answer.status() == 401 && !retried) {
                        credentials.invalidate();
                        return page(q, offset, limit, found, true);
                    }
                    JsonNode tracks = state.read(mapper, answer, (a, b) -> false).path("tracks");
                    for (JsonNode t : tracks.path("items")) {
                        if (found.size() < limit && !t.path("id").asText("").isEmpty()) {
                            found.add(candidate(t));
                        }
                    }
                    boolean more = !tracks.path("next").isNull() && !tracks.path("next").asText("").isEmpty();
                    int count = tracks.path("items").size();
                    return found.size() >= limit || !more || count == 0 ? Uni.createFrom().item(found)
                            : page(q, offset + count, limit, found, false);
                });
    }

    private static Candidate candidate(JsonNode t) {
        List<String> artists = new ArrayList<>();
        t.path("artists").forEach(a -> artists.add(a.path("name").asText()));
        String id = t.path("id").asText();
        String url = t.path("external_urls").path("spotify").asText("https://open.spotify.com/track/" + id);
        Integer duration = t.path("duration_ms").isNumber() ? (int) Math.round(t.path("duration_ms").asLong() / 1000.0)
                : null;
        return new Candidate(AudioPlatform.spotify.name(), id, url,
                String.join(", ", artists) + " - " + t.path("name").asText(""), String.join(", ", artists), duration,
                Candidate.SOURCE_SEARCH, null, null);
    }
}
