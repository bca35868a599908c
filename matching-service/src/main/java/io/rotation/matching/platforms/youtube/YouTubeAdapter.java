package io.rotation.matching.platforms.youtube;

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
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * YouTube Data API v3: {@code search.list} (type=video, 100 quota units a page, paged by
 * {@code pageToken}) for a track's query, then {@code videos.list} (1 unit) for the results' durations
 * and view and like counts. The daily quota is spent from a budget (reset at midnight Pacific time, as
 * Google's is); a {@code quotaExceeded} answer ends the day's searches early. The metadata refresh
 * reads known videos' counts and embeddability through {@code videos.list}; YouTube says nothing of
 * the audio's bitrate or loudness.
 */
@Singleton
public class YouTubeAdapter extends BaseAdapter {

    static final int SEARCH_COST = 100;
    static final int VIDEOS_COST = 1;
    private static final ZoneId QUOTA_ZONE = ZoneId.of("America/Los_Angeles");
    private static final com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>> MAP =
            new com.fasterxml.jackson.core.type.TypeReference<>() {
            };

    private final PlatformsConfig.YouTube config;
    private final PlatformHttp http;
    private final ObjectMapper mapper;
    private final Clock clock;
    private final AtomicReference<LocalDate> quotaDay = new AtomicReference<>();
    private final AtomicInteger unitsSpent = new AtomicInteger();
    private volatile LocalDate exhaustedOn;

    public YouTubeAdapter(PlatformsConfig config, PlatformHttp http, ObjectMapper mapper) {
        super(AudioPlatform.youtube, config.youtube().apiKey().filter(k -> !k.isBlank()).isPresent() ? null
                : "no API key (rotation.matching.platforms.youtube.api-key)");
        this.config = config.youtube();
        this.http = http;
        this.mapper = mapper;
        this.clock = Clock.systemUTC();
    }

    @Override
    public Uni<List<Candidate>> search(TrackQuery query) {
        if (!enabled() || !spend(SEARCH_COST)) {
            return Uni.createFrom().item(List.of());
        }
        return page(query.text(), null, query.limit(), new ArrayList<>())
                .chain(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<Candidate>of()) : details(ids))
                .onFailure().recoverWithItem(e -> state.failed(e));
    }

    /** Search pages until {@code limit} video ids (or no next page, or no quota). */
    private Uni<List<String[]>> page(String q, String pageToken, int limit, List<String[]> found) {
        int size = Math.min(config.pageSize(), limit - found.size());
        return http.send("youtube search", config, () -> {
                    var request = http.request(HttpMethod.GET, config.baseUrl() + "/youtube/v3/search")
                            .addQueryParam("part", "snippet").addQueryParam("type", "video")
                            .addQueryParam("q", q).addQueryParam("maxResults", String.valueOf(size))
                            .addQueryParam("key", config.apiKey().orElseThrow());
                    if (pageToken != null) {
                        request.addQueryParam("pageToken", pageToken);
                    }
                    return request.send();
                })
                .chain(answer -> {
                    JsonNode body = state.read(mapper, answer, this::quotaExceeded);
                    for (JsonNode item : body.path("items")) {
                        String id = item.path("id").path("videoId").asText("");
                        if (!id.isEmpty() && found.size() < limit) {
                            JsonNode snippet = item.path("snippet");
                            found.add(new String[] {id, snippet.path("title").asText(null),
                                    snippet.path("channelTitle").asText(null)});
                        }
                    }
                    String next = body.path("nextPageToken").asText("");
                    if (found.size() >= limit || next.isEmpty() || !spend(SEARCH_COST)) {
                        return Uni.createFrom().item(found);
                    }
                    return page(q, next, limit, found);
                });
    }

    /** videos.list for durations and statistics of the found ids, in search order. */
    private Uni<List<Candidate>> details(List<String[]> found) {
        if (!spend(VIDEOS_COST)) {
            return Uni.createFrom().item(found.stream().map(f -> candidate(f, null, null, null)).toList());
        }
        String ids = String.join(",", found.stream().map(f -> f[0]).toList());
        return http.send("youtube videos", config, () -> http.request(HttpMethod.GET,
                                config.baseUrl() + "/youtube/v3/videos")
                        .addQueryParam("part", "contentDetails,statistics").addQueryParam("id", ids)
                        .addQueryParam("key", config.apiKey().orElseThrow()).send())
                .map(answer -> {
                    JsonNode body = state.read(mapper, answer, this::quotaExceeded);
                    Map<String, JsonNode> byId = new LinkedHashMap<>();
                    body.path("items").forEach(item -> byId.put(item.path("id").asText(), item));
                    List<Candidate> candidates = new ArrayList<>();
                    for (String[] f : found) {
                        JsonNode item = byId.get(f[0]);
                        candidates.add(item == null ? candidate(f, null, null, null) : candidate(f,
                                duration(item.path("contentDetails").path("duration").asText("")),
                                count(item.path("statistics").path("viewCount")),
                                count(item.path("statistics").path("likeCount"))));
                    }
                    return candidates;
                });
    }

    /** videos.list (1 unit per 50 ids) for the counts, duration and embeddability of known videos. */
    @Override
    public Uni<List<ItemMetadata>> metadata(List<String> externalIds) {
        if (!enabled() || externalIds.isEmpty() || !spend(VIDEOS_COST)) {
            return Uni.createFrom().item(List.of());
        }
        return http.send("youtube videos", config, () -> http.request(HttpMethod.GET,
                                config.baseUrl() + "/youtube/v3/videos")
                        .addQueryParam("part", "snippet,contentDetails,statistics,status")
                        .addQueryParam("id", String.join(",", externalIds))
                        .addQueryParam("key", config.apiKey().orElseThrow()).send())
                .map(answer -> {
                    List<ItemMetadata> items = new ArrayList<>();
                    for (JsonNode item : state.read(mapper, answer, this::quotaExceeded).path("items")) {
                        JsonNode stats = item.path("statistics");
                        items.add(new ItemMetadata(item.path("id").asText(), item.path("snippet").path("title").asText(null),
                                duration(item.path("contentDetails").path("duration").asText("")),
                                count(stats.path("viewCount")), count(stats.path("likeCount")),
                                item.path("status").path("embeddable").asBoolean(true), Map.of(),
                                mapper.convertValue(item, MAP)));
                    }
                    return items;
                });
    }

    private static Candidate candidate(String[] found, Integer duration, Long views, Long likes) {
        return new Candidate(AudioPlatform.youtube.name(), found[0], PlatformUrls.youtubeUrl(found[0]), found[1],
                found[2], duration, Candidate.SOURCE_SEARCH, views, likes);
    }

    /** A 403 whose reason is quotaExceeded or dailyLimitExceeded: no more searches until the quota resets. */
    private boolean quotaExceeded(PlatformHttp.Answer answer, JsonNode body) {
        if (answer.status() != 403) {
            return false;
        }
        for (JsonNode error : body.path("error").path("errors")) {
            String reason = error.path("reason").asText("");
            if ("quotaExceeded".equals(reason) || "dailyLimitExceeded".equals(reason)) {
                exhaustedOn = today();
                return true;
            }
        }
        return false;
    }

    /** Takes {@code units} from today's budget; false when the day's quota is spent. */
    boolean spend(int units) {
        LocalDate today = today();
        if (today.equals(exhaustedOn)) {
            return false;
        }
        if (!today.equals(quotaDay.getAndSet(today))) {
            unitsSpent.set(0);
        }
        if (unitsSpent.addAndGet(units) > config.dailyQuotaUnits()) {
            exhaustedOn = today;
            state.note("daily quota of " + config.dailyQuotaUnits() + " units spent");
            return false;
        }
        return true;
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(QUOTA_ZONE));
    }

    /** ISO 8601 durations as YouTube gives them: PT4M13S, PT1H2M, P1DT2H. */
    static Integer duration(String iso) {
        if (iso.isEmpty()) {
            return null;
        }
        try {
            long seconds = Duration.parse(iso).toSeconds();
            return seconds > Integer.MAX_VALUE ? null : (int) seconds;
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Long count(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        try {
            return Long.parseLong(node.asText());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
