package io.rotation.platform.cache;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Reads of one Redis cache, counted by outcome in {@code rotation_cache_lookups_total{cache, result}}:
 * {@code hit} (served from Redis), {@code miss} (not there: loaded and stored) or {@code degraded}
 * (Redis failed or was too slow: loaded, see {@code rotation_degraded_total}). All three are registered
 * at 0, so that a hit-rate query has its series from the start.
 */
public final class CacheLookups {

    public static final String METRIC = "rotation.cache.lookups";

    private final Counter hits;
    private final Counter misses;
    private final Counter degraded;

    /** {@code cache} names the cache in the metric, e.g. {@code catalog-record}. */
    public CacheLookups(MeterRegistry registry, String cache) {
        this.hits = counter(registry, cache, "hit");
        this.misses = counter(registry, cache, "miss");
        this.degraded = counter(registry, cache, "degraded");
    }

    private static Counter counter(MeterRegistry registry, String cache, String result) {
        return Counter.builder(METRIC).tag("cache", cache).tag("result", result)
                .description("reads of the Redis cache by outcome").register(registry);
    }

    public void hit() {
        hits.increment();
    }

    public void miss() {
        misses.increment();
    }

    public void degraded() {
        degraded.increment();
    }
}
