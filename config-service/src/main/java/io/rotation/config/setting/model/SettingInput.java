package io.rotation.config.setting.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A new setting (POST: key, setting_type and value required) or a change (PATCH: only the fields sent
 * change; key, setting_type and secret never do). {@code value} and {@code default_value} are JSON of the
 * setting's type: a string, a number, true/false, an object (json) or an array.
 */
public record SettingInput(
        String key,
        String settingType,
        JsonNode value,
        JsonNode defaultValue,
        String description,
        String category,
        @JsonProperty("public") Boolean isPublic,
        Boolean secret,
        Boolean readonly) {
}
