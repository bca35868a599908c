package io.rotation.contracts.config;

import java.time.Instant;

/**
 * A rate-limit rule's whole current state, on the compacted topic {@code rotation.config.rate-limits.v1}
 * (key = rule id): every service enforces the latest state of every rule. {@code identifierType} is
 * user, ip, api_key or global; {@code identifier} a value of that type or {@code *} (each caller
 * counted on its own); {@code endpointPattern} {@code [METHOD ]/path} with {@code *} wildcards.
 * A request beyond {@code maxRequests} in a window is refused until the window ends, or for
 * {@code blockSeconds} when that is longer. A deleted rule has {@code deleted = true}.
 */
public record RateLimitChanged(
        long id,
        boolean deleted,
        String identifierType,
        String identifier,
        String endpointPattern,
        int maxRequests,
        int windowSeconds,
        int blockSeconds,
        boolean enabled,
        Instant changedAt) {
}
