package io.rotation.config.ratelimit.model;

/**
 * A new rule (POST: identifier_type, endpoint_pattern, max_requests and window_seconds required;
 * identifier defaults to {@code *}) or a change (PATCH: only the fields sent change).
 */
public record RateLimitInput(
        String identifierType,
        String identifier,
        String endpointPattern,
        Integer maxRequests,
        Integer windowSeconds,
        Integer blockSeconds,
        Boolean enabled,
        String description) {
}
