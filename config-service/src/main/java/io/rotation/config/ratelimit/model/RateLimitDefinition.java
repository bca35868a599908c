package io.rotation.config.ratelimit.model;

import java.time.Instant;

/**
 * A rate-limit rule as admins see it: at most max_requests per window_seconds from one caller of
 * identifier_type ({@code *}: each caller on its own) to the endpoints of endpoint_pattern.
 */
public record RateLimitDefinition(
        long id,
        String identifierType,
        String identifier,
        String endpointPattern,
        int maxRequests,
        int windowSeconds,
        int blockSeconds,
        boolean enabled,
        String description,
        Instant createdAt,
        Instant updatedAt) {
}
