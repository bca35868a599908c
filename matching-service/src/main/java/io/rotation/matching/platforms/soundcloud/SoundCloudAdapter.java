package io.rotation.matching.platforms.soundcloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rotation.matching.audio.model.AudioPlatform;
import io.rotation.matching.audio.service.PlatformUrls;
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
 * SoundCloud API: {@code GET /tracks?q=} with an OAuth 2.1 client-credentials token
 * ({@code Authorization: OAuth <token>}), paged by linked partitioning ({@code next_href}). The
 * external id is the permalink's {@code user/track}, as hand-added SoundCloud URLs are.
 */
@Singleton
public class SoundCloudAdapter extends BaseAdapter {

    private final PlatformsConfig.SoundCloud config;
    private final PlatformHttp http;
    private final ObjectMapper mapper;
    private final ClientCredentials credentials;

    public SoundCloudAdapter(PlatformsConfig config, PlatformHttp http, ObjectMapper mapper) {
        super(AudioPlatform.soundcloud, ClientCredentials.configured(config.soundcloud().clientId(), config.soundcloud().clientSecret())
                ? null : "no client id and secret (rotation.matching.platforms.soundcloud.client-id / client-secret)");
        this.config = config.soundcloud();
        this.http = http;
        this.mapper = mapper;
        this.credentials = enabled() ? new ClientCredentials(this.config.authUrl() + "/oauth/token", this.config.clientId().get(),
                this.config.clientSecret().get(), this.config, http, mapper) : null;
    }

    @Override
    public Uni<List<Candidate>> search(TrackQuery query) {
        if (!enabled()) {
            return Uni.createFrom().item(List.of());
        }
        String first = config.baseUrl() + "/tracks?linked_partitioning=true&limit="
                + Math.min(config.pageSize(), query.limit()) + "&q="
                + java.net.URLEncoder.encode(query.text(), java.nio.charset.StandardCharsets.UTF_8);
        return page(first, query.limit(), new ArrayList<>(), false).onFailure().recoverWithItem(state::failed);
    }

    private Uni<List<Candidate>> page(String url, int limit, List<Candidate> found, boolean retried) {
        return credentials.token()
                .chain(token -> http.send("soundcloud tracks", config, () -> http.request(HttpMethod.GET, url)
                        .putHeader("Authorization", "OAuth " + token).putHeader("Accept", "application/json; charset=utf-8")
                        .send()))
                .chain(answer -> {
                    if (answer.status() == 401 && !retried) {
                        credentials.invalidate();
                        return page(url, limit, found, true);
                    }
                    JsonNode body = state.read(mapper, answer, (a, b) -> false);
                    for (JsonNode t : body.path("collection")) {
                        if (found.size() < limit) {
                            PlatformUrls.parse(t.path("permalink_url").asText("")).ifPresent(p ->
                                    found.add(candidate(t, p)));
                        }
                    }
                    String next = body.path("next_href").asText("");
                    return found.size() >= limit || next.isEmpty() || body.path("collection").isEmpty()
                            ? Uni.createFrom().item(found) : page(next, limit, found, false);
                });
    }

    private static Candidate candidate(JsonNode t, PlatformUrls.PlatformUrl url) {
        String user = t.path("user").path("username").asText(null);
        Integer duration = t.path("duration").isNumber() ? (int) Math.round(t.path("duration").asLong() / 1000.0) : null;
        Long plays = t.path("playback_count").isNumber() ? t.path("playback_count").asLong() : null;
        JsonNode likes = t.has("likes_count") ? t.path("likes_count") : t.path("favoritings_count");
        return new Candidate(AudioPlatform.soundcloud.name(), url.externalId(), url.url(), t.path("title").asText(null),
                user, duration, Candidate.SOURCE_SEARCH, plays, likes.isNumber() ? likes.asLong() : null);
    }
}
