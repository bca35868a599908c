package io.rotation.config.flag.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * A feature flag as the API shows it: the seed's columns, where it came from ({@code native}: made
 * through this API; {@code unleash}: imported), and {@code definition}, the flag in Unleash's client
 * format that every service evaluates.
 */
public record Flag(
        long id,
        String key,
        String name,
        String description,
        String flagType,
        boolean enabled,
        int rolloutPercentage,
        List<Long> targetUserIds,
        JsonNode conditions,
        JsonNode variants,
        String defaultVariant,
        String owner,
        List<String> tags,
        Instant startsAt,
        Instant endsAt,
        String source,
        boolean archived,
        JsonNode definition,
        Instant createdAt,
        Instant updatedAt) {
}
