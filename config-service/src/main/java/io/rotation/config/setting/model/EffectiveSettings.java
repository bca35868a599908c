package io.rotation.config.setting.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** Every setting's value in one environment: its active profile's override, else the setting's own (secrets masked). */
public record EffectiveSettings(String environment, String profile, Map<String, JsonNode> settings) {
}
