package io.rotation.config.setting.model;

import java.time.Instant;

/**
 * A row of {@code settings} as stored: {@code value} is the text of the value ({@link SettingType}), or its
 * ciphertext when {@code secret}.
 */
public record SettingRow(
        long id,
        String key,
        String value,
        SettingType settingType,
        String defaultValue,
        String description,
        String category,
        boolean isPublic,
        boolean secret,
        boolean readonly,
        Long updatedBy,
        Instant createdAt,
        Instant updatedAt) {
}
