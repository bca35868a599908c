package io.rotation.contracts.config;

import java.time.Instant;
import java.util.Map;

/**
 * A setting's whole current state, on the compacted topic {@code rotation.config.settings.v1} (key =
 * setting key): every service reads the latest state of every setting. {@code value} is the setting's
 * text (a number's digits, {@code true}/{@code false}, JSON text for json and array), and
 * {@code overrides} the value the active profile of an environment gives it ({@code production} →
 * text). A secret setting travels without its value and overrides ({@code secret = true}, value null):
 * it is read only through config-service. A deleted setting has {@code deleted = true}.
 */
public record SettingChanged(
        String key,
        boolean deleted,
        String settingType,
        String value,
        boolean secret,
        Map<String, String> overrides,
        Instant changedAt) {
}
