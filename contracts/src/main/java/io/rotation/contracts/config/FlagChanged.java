package io.rotation.contracts.config;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A feature flag's whole current state, published by config-service on every change to the
 * compacted topic {@code rotation.config.flags.v1} (key = flag key), so that the latest message per
 * key is the flag: every service rebuilds its in-memory flag set by reading the topic from the start.
 * {@code definition} is the flag in Unleash's client format ({@code name, enabled, strategies,
 * variants, dependencies, ...}); {@code segments} the Unleash segments its strategies reference.
 * An archived flag has {@code archived = true} and no definition: services forget it.
 */
public record FlagChanged(
        String key,
        boolean archived,
        Map<String, Object> definition,
        List<Map<String, Object>> segments,
        Long changedBy,
        Instant changedAt) {
}
