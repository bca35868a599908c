package io.rotation.matching.cache.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rotation.matching.json.JsonText;
import io.rotation.matching.audio.model.MatchView;
import io.rotation.matching.audio.service.MatchAftermath;
import io.rotation.matching.audio.service.MatchChanges;
import io.rotation.matching.audio.service.MatchingSettings;
import io.rotation.matching.cache.repository.MetadataCacheRepository;
import io.rotation.matching.cache.repository.MetadataCacheRepository.Due;
import io.rotation.matching.platforms.service.PlatformAdapter;
import io.rotation.matching.platforms.service.PlatformAdapter.ItemMetadata;
import io.rotation.platform.jobs.JobContext;
import io.rotation.platform.jobs.JobHandler;
import io.rotation.platform.jobs.JobLevel;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The {@code metadata_refresh} job (parameter {@code track_ids} to narrow it): the matches whose platform metadata is missing or due
 * (metadata_cache's refresh_after) are asked of their platform in batches; the answer is cached with
 * its TTL and feeds the ranking (views, likes, quality where the platform tells it), an item the
 * platform no longer has makes its matches unplayable. Primaries of the touched tracks are recomputed
 * and their served lists evicted. Platforms whose adapter is off are skipped, and said so in the log.
 */
@ApplicationScoped
public class MetadataRefresh implements JobHandler {

    public static final String JOB_TYPE = "metadata_refresh";
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(60);

    private final Pool pool;
    private final MetadataCacheRepository cache;
    private final MatchAftermath aftermath;
    private final MatchingSettings.Metadata settings;
    private final List<PlatformAdapter> adapters;
    private final ObjectMapper mapper;

    @Inject
    public MetadataRefresh(Pool pool, MetadataCacheRepository cache, MatchAftermath aftermath,
                           MatchingSettings settings, Instance<PlatformAdapter> adapters, ObjectMapper mapper) {
        this(pool, cache, aftermath, settings, adapters.stream().toList(), mapper);
    }

    /** With the given adapters (tests point one at WireMock). */
    public MetadataRefresh(Pool pool, MetadataCacheRepository cache, MatchAftermath aftermath,
                           MatchingSettings settings, List<PlatformAdapter> adapters, ObjectMapper mapper) {
        this.pool = pool;
        this.cache = cache;
        this.aftermath = aftermath;
        this.settings = settings.metadata();
        this.adapters = List.copyOf(adapters);
        this.mapper = mapper;
    }

    @Override
    public String jobType() {
        return JOB_TYPE;
    }

    @Override
    public Map<String, Object> run(JobContext job) {
        Map<String, PlatformAdapter> on = adapters.stream().filter(PlatformAdapter::enabled)
                .collect(Collectors.toMap(a -> a.platform().name(), Function.identity()));
        List<String> off = adapters.stream().filter(a -> !a.enabled()).map(a -> a.platform().name()).sorted().toList();
        if (!off.isEmpty()) {
            job.log(JobLevel.INFO, "skipped (adapter off): " + String.join(", ", off));
        }
        long refreshed = 0;
        long gone = 0;
        long failed = 0;
        long after = 0;
        Long[] trackIds = trackIds(job.parameters());
        while (!on.isEmpty()) {
            List<Due> due = cache.due(on.keySet().toArray(String[]::new), trackIds, settings.batchSize(), after)
                    .await().atMost(WRITE_TIMEOUT);
            if (due.isEmpty()) {
                break;
            }
            after = due.get(due.size() - 1).matchId();
            Map<String, List<Due>> byPlatform = due.stream().collect(Collectors.groupingBy(Due::platform,
                    LinkedHashMap::new, Collectors.toList()));
            for (Map.Entry<String, List<Due>> entry : byPlatform.entrySet()) {
                List<String> ids = entry.getValue().stream().map(Due::externalId).distinct().toList();
                List<ItemMetadata> items;
                try {
                    items = on.get(entry.getKey()).metadata(ids).await().atMost(WRITE_TIMEOUT);
                } catch (RuntimeException e) {
                    failed += ids.size();
                    job.log(JobLevel.WARNING, entry.getKey() + ": " + e.getMessage() + "; stopped for this run");
                    on.remove(entry.getKey());
                    continue;
                }
                Set<String> found = new HashSet<>();
                items.forEach(i -> found.add(i.externalId()));
                List<MatchView> changed = apply(entry.getKey(), entry.getValue(), items).await().atMost(WRITE_TIMEOUT);
                aftermath.evict(changed).await().atMost(WRITE_TIMEOUT);
                refreshed += found.size();
                gone += ids.stream().filter(id -> !found.contains(id)).count();
            }
            job.progress(refreshed + gone + failed, null);
        }
        return Map.of("refreshed", refreshed, "unavailable", gone, "failed", failed);
    }

    /** {@code track_ids}: only these tracks' matches; absent: every match that is due. */
    static Long[] trackIds(Map<String, Object> parameters) {
        return parameters != null && parameters.get("track_ids") instanceof List<?> ids
                ? ids.stream().map(id -> Long.valueOf(String.valueOf(id))).toArray(Long[]::new) : null;
    }

    private Uni<List<MatchView>> apply(String platform, List<Due> due, List<ItemMetadata> items) {
        Map<String, ItemMetadata> byId = new LinkedHashMap<>();
        items.forEach(i -> byId.put(i.externalId(), i));
        MatchChanges changes = new MatchChanges();
        due.forEach(d -> changes.touched(d.trackId()));
        return pool.withTransaction(connection -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (String id : due.stream().map(Due::externalId).distinct().toList()) {
                ItemMetadata item = byId.get(id);
                chain = chain.chain(() -> item == null ? gone(connection, platform, id) : store(connection, platform,
                        item));
            }
            return chain.chain(() -> aftermath.settle(connection, changes));
        });
    }

    private Uni<Void> store(SqlConnection connection, String platform, ItemMetadata item) {
        Uni<Void> stored = cache.store(connection, platform, item.externalId(), JsonText.write(mapper, item.raw()), settings.ttl(),
                        settings.refreshAfter())
                .chain(() -> cache.applyToMatches(connection, platform, item));
        Double overall = overallQuality(item.quality());
        return overall == null ? stored : stored.chain(() -> cache.addQuality(connection, platform, item, overall,
                JsonText.write(mapper, item.quality())));
    }

    private Uni<Void> gone(SqlConnection connection, String platform, String externalId) {
        return cache.missing(connection, platform, externalId, "not on " + platform + " any more",
                        settings.refreshAfter())
                .chain(() -> cache.markUnavailable(connection, platform, externalId));
    }

    /**
     * 0..1 from what the platform tells: bitrate against 256 kbps, loudness against the -14 LUFS
     * streaming norm, dynamic range against 12 dB; the mean of the parts known, null when none is.
     */
    static Double overallQuality(Map<String, Object> quality) {
        List<Double> parts = new ArrayList<>();
        if (quality.get("bitrate_kbps") instanceof Number kbps) {
            parts.add(Math.min(1, kbps.doubleValue() / 256));
        }
        if (quality.get("loudness_lufs") instanceof Number lufs) {
            parts.add(Math.max(0, 1 - Math.abs(lufs.doubleValue() + 14) / 20));
        }
        if (quality.get("dynamic_range_db") instanceof Number range) {
            parts.add(Math.min(1, Math.max(0, range.doubleValue()) / 12));
        }
        return parts.isEmpty() ? null : Math.round(parts.stream().mapToDouble(d -> d).average().orElse(0) * 10_000)
                / 10_000.0;
    }

}
