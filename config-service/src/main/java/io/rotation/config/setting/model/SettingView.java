package io.rotation.config.setting.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** A setting as admins see it: the value as JSON of its type, or {@code "********"} for a secret one. */
public record SettingView(
        long id,
        String key,
        String settingType,
        JsonNode value,
        JsonNode defaultValue,
        String description,
        String category,
        @JsonProperty("public") boolean isPublic,
        boolean secret,
        boolean readonly,
        Long updatedBy,
        Instant createdAt,
        Instant updatedAt) {
}
