package io.rotation.config.cache.model;

import java.time.Instant;

/** A cache rule as admins see it: keys matching key_pattern ({@code *}: any characters) are kept ttl_seconds, or not cached when disabled. */
public record CacheRuleDefinition(
        long id,
        String keyPattern,
        int ttlSeconds,
        Integer maxEntries,
        boolean enabled,
        String description,
        Instant createdAt,
        Instant updatedAt) {
}
