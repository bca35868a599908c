package io.rotation.config.cache.model;

/** A new rule (POST: key_pattern and ttl_seconds required) or a change (PATCH: only the fields sent change). */
public record CacheRuleInput(String keyPattern, Integer ttlSeconds, Integer maxEntries, Boolean enabled, String description) {
}
