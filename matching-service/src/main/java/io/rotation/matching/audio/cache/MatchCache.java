package io.rotation.matching.audio.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.SetArgs;
import io.rotation.matching.audio.model.MatchView;
import io.rotation.platform.health.DegradedPath;
import io.rotation.matching.audio.service.MatchingSettings;
import io.rotation.platform.cache.CacheLookups;
import io.rotation.platform.cache.CacheRules;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Served matches in Redis, read through, for the TTL of the key's cache rule (config-service's
 * {@code /api/v1/cache-rules}, e.g. {@code matching:*}), else of the settings (24 h); a disabled rule
 * turns the cache off for its keys (read from the database, nothing stored). A track's list under
 * {@code matching:track:<id>}, a record's under {@code matching:record:<id>}, one match under
 * {@code matching:match:<id>}. Whoever changes a match evicts its track's, record's and own keys
 * after the commit. Redis down (or slower than the timeout) means the database answers and nothing
 * is cached; a failed eviction leaves a stale list for at most the TTL. Each fallback is counted and
 * logged at most once a minute ({@link DegradedPath}); reads are counted by outcome in
 * {@code rotation_cache_lookups_total{cache="matching-match"}} ({@link CacheLookups}).
 */
// created at start-up, so that its lookup counters are exported (at 0) before the first read
@Startup
@ApplicationScoped
public class MatchCache {

    private static final Logger LOG = Logger.getLogger(MatchCache.class);

    private final ReactiveRedisDataSource redis;
    private final ObjectMapper mapper;
    private final MatchingSettings.Cache settings;
    private final CacheRules rules;
    private final CacheLookups lookups;
    private final DegradedPath unreadable;
    private final DegradedPath unstored;
    private final DegradedPath unevicted;

    public MatchCache(ReactiveRedisDataSource redis, ObjectMapper mapper, MatchingSettings settings,
                      CacheRules rules, MeterRegistry registry) {
        this.redis = redis;
        this.mapper = mapper;
        this.settings = settings.cache();
        this.rules = rules;
        this.lookups = new CacheLookups(registry, "matching-match");
        this.unreadable = new DegradedPath(registry, LOG, "match-cache.read");
        this.unstored = new DegradedPath(registry, LOG, "match-cache.store");
        this.unevicted = new DegradedPath(registry, LOG, "match-cache.evict");
    }

    public static String trackKey(long trackId) {
        return "matching:track:" + trackId;
    }

    public static String recordKey(long recordId) {
        return "matching:record:" + recordId;
    }

    public static String matchKey(long matchId) {
        return "matching:match:" + matchId;
    }

    /** The cached value of {@code key}, or what {@code load} gives (then cached unless null). */
    public <T> Uni<T> get(String key, Class<T> type, Supplier<Uni<T>> load) {
        if (!rules.cached(key)) {
            return load.get();
        }
        return redis.value(String.class).get(key)
                .ifNoItem().after(settings.timeout()).fail()
                .onItemOrFailure().transformToUni((cached, failure) -> {
                    if (failure != null) {
                        lookups.degraded();
                        unreadable.taken("match cache unavailable, " + key + " read from the database", failure);
                    } else {
                        T value = cached == null ? null : read(cached, type);
                        if (value != null) {
                            lookups.hit();
                            return Uni.createFrom().item(value);
                        }
                        lookups.miss();
                    }
                    return load.get().call(loaded -> loaded == null ? Uni.createFrom().voidItem() : store(key, loaded));
                });
    }

    /** Evicts what these matches' changes made stale (never fails). */
    public Uni<Void> evict(List<MatchView> changed) {
        Set<String> keys = new LinkedHashSet<>();
        for (MatchView m : changed) {
            keys.add(trackKey(m.trackId()));
            keys.add(matchKey(m.id()));
            if (m.recordId() != null) {
                keys.add(recordKey(m.recordId()));
            }
        }
        if (keys.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return redis.key().del(keys.toArray(String[]::new))
                .ifNoItem().after(settings.timeout()).fail()
                .onFailure().recoverWithItem(e -> {
                    unevicted.taken("match cache unavailable, " + keys.size() + " keys not evicted (stale for up to "
                            + settings.ttl() + ")", e);
                    return null;
                })
                .replaceWithVoid();
    }

    private Uni<Void> store(String key, Object value) {
        String json;
        try {
            json = mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        return redis.value(String.class).set(key, json, new SetArgs().px(rules.ttl(key, settings.ttl())))
                .ifNoItem().after(settings.timeout()).fail()
                .onFailure().recoverWithItem(e -> {
                    unstored.taken("match cache unavailable, " + key + " not cached", e);
                    return null;
                })
                .replaceWithVoid();
    }

    private <T> T read(String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            LOG.warnf("unreadable cached value, read from the database: %s", e.getMessage());
            return null;
        }
    }
}
