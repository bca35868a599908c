package io.rotation.config.flag.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/**
 * A new flag (POST: key and flag_type required) or a change (PATCH: only the fields sent change).
 * flag_type is one of the seed's: boolean, percentage, user_list, condition.
 */
public record FlagInput(
        String key,
        String name,
        String description,
        String flagType,
        Boolean enabled,
        Integer rolloutPercentage,
        List<Long> targetUserIds,
        JsonNode conditions,
        JsonNode variants,
        String defaultVariant,
        String owner,
        List<String> tags,
        Instant startsAt,
        Instant endsAt) {
}
