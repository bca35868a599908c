package io.rotation.catalog.record.cache;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.SetArgs;
import io.rotation.platform.health.DegradedPath;
import io.rotation.platform.cache.CacheLookups;
import io.rotation.platform.cache.CacheRules;
import io.quarkus.runtime.Startup;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Record pages (the JSON of GET /api/v1/records/{id}) cached in Redis under {@code catalog:record:<id>} as the
 * UTF-8 bytes the response carries, so that a hit is written out without being decoded and encoded again,
 * read through: a miss loads from the database and stores the page with the TTL of the key's cache rule
 * (config-service's {@code /api/v1/cache-rules}, e.g. {@code catalog:record:*}), else
 * {@code rotation.catalog.record-cache.ttl} (24 h by default). A disabled rule turns the cache off for its
 * keys: pages are read from the database and nothing is stored. Whoever changes a record, its tracks
 * or its copies in stock evicts it after the commit ({@link #evict(Collection)}).
 * <p>
 * Redis down means slower, not broken: a failed or slow ({@code rotation.catalog.record-cache.timeout})
 * read goes to the database, a failed store or eviction is logged and the caller goes on (each
 * fallback counted, logged at most once a minute: {@link DegradedPath}). Reads are counted by outcome in
 * {@code rotation_cache_lookups_total{cache="catalog-record"}} ({@link CacheLookups}). A failed eviction leaves a
 * stale page for at most the TTL.
 * <p>
 * A read that loaded the record just before a write committed could store its old page just after
 * the write's eviction; so an eviction is repeated once, {@code rotation.catalog.record-cache.re-evict-after}
 * (2 s) later, in the background (a longer-running read than that can still leave a stale page, for
 * at most the TTL).
 */
// created at start-up, so that its lookup counters are exported (at 0) before the first read
@Startup
@ApplicationScoped
public class RecordCache {

    private static final Logger LOG = Logger.getLogger(RecordCache.class);
    static final String PREFIX = "catalog:record:";

    private final ReactiveRedisDataSource redis;
    private final Duration ttl;
    private final Duration timeout;
    private final Duration reEvictAfter;
    private final DegradedPath unreadable;
    private final DegradedPath unstored;
    private final DegradedPath unevicted;
    private final CacheRules rules;
    private final CacheLookups lookups;

    public RecordCache(ReactiveRedisDataSource redis, CacheRules rules,
                       @ConfigProperty(name = "rotation.catalog.record-cache.ttl", defaultValue = "24h") Duration ttl,
                       @ConfigProperty(name = "rotation.catalog.record-cache.timeout", defaultValue = "1s")
                       Duration timeout,
                       @ConfigProperty(name = "rotation.catalog.record-cache.re-evict-after", defaultValue = "2s")
                       Duration reEvictAfter, MeterRegistry registry) {
        this.redis = redis;
        this.lookups = new CacheLookups(registry, "catalog-record");
        this.unreadable = new DegradedPath(registry, LOG, "record-cache.read");
        this.unstored = new DegradedPath(registry, LOG, "record-cache.store");
        this.unevicted = new DegradedPath(registry, LOG, "record-cache.evict");
        this.ttl = ttl;
        this.timeout = timeout;
        this.reEvictAfter = reEvictAfter;
        this.rules = rules;
    }

    public static String key(long recordId) {
        return PREFIX + recordId;
    }

    /** The TTL a record page is stored with now: its cache rule's, else the configured one. */
    public Duration ttl(long recordId) {
        return rules.ttl(key(recordId), ttl);
    }

    /**
     * The cached page of the record, or the one {@code load} produces (then cached). A failure of
     * {@code load} (e.g. a 404 problem) is passed on and nothing is cached.
     */
    public Uni<byte[]> get(long recordId, Supplier<Uni<byte[]>> load) {
        String key = key(recordId);
        if (!rules.cached(key)) {
            return load.get();
        }
        return redis.value(byte[].class).get(key)
                .ifNoItem().after(timeout).fail()
                .onItemOrFailure().transformToUni((cached, failure) -> {
                    if (failure != null) {
                        lookups.degraded();
                        unreadable.taken("record cache unavailable, record " + recordId + " read from the database",
                                failure);
                    } else if (cached != null) {
                        lookups.hit();
                        return Uni.createFrom().item(cached);
                    } else {
                        lookups.miss();
                    }
                    return load.get().call(page -> store(key, page));
                });
    }

    private Uni<Void> store(String key, byte[] page) {
        return redis.value(byte[].class).set(key, page, new SetArgs().px(rules.ttl(key, ttl)))
                .ifNoItem().after(timeout).fail()
                .onFailure().recoverWithItem(e -> {
                    unstored.taken("record cache unavailable, " + key + " not cached", e);
                    return null;
                });
    }

    /** Evicts one record's page (never fails: an unreachable Redis is logged). */
    public Uni<Void> evict(long recordId) {
        return evict(List.of(recordId));
    }

    /** Evicts the pages of these records, in one command (never fails: an unreachable Redis is logged). */
    public Uni<Void> evict(Collection<Long> recordIds) {
        if (recordIds == null || recordIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String[] keys = recordIds.stream().distinct().map(RecordCache::key).toArray(String[]::new);
        return delete(keys).invoke(() -> Uni.createFrom().voidItem().onItem().delayIt().by(reEvictAfter)
                .chain(() -> delete(keys)).subscribe().with(v -> { }, e -> { }));
    }

    private Uni<Void> delete(String[] keys) {
        return redis.key().del(keys)
                .ifNoItem().after(timeout).fail()
                .onFailure().recoverWithItem(e -> {
                    unevicted.taken("record cache unavailable, " + keys.length
                            + " record pages not evicted (stale for up to " + ttl + ")", e);
                    return null;
                })
                .replaceWithVoid();
    }
}
