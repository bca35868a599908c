package io.rotation.contracts.config;

import java.time.Instant;

/**
 * A cache rule's whole current state, on the compacted topic {@code rotation.config.cache-rules.v1} (key =
 * rule id): a cache whose key matches {@code keyPattern} ({@code *} matching any characters, the most
 * specific pattern winning) keeps entries {@code ttlSeconds}, holds at most {@code maxEntries} (null:
 * unbounded) and is bypassed when not {@code enabled}. A deleted rule has {@code deleted = true}.
 */
public record CacheRuleChanged(
        long id,
        boolean deleted,
        String keyPattern,
        int ttlSeconds,
        Integer maxEntries,
        boolean enabled,
        Instant changedAt) {
}
