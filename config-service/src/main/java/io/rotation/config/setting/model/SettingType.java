package io.rotation.config.setting.model;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;

/**
 * The {@code setting_type} enum. 'boolean' is a Java keyword, so the constants are upper case and
 * carry the database label; {@link Label} converts (the column is bound as the Postgres enum).
 */
public enum SettingType {
    STRING("string"), NUMBER("number"), BOOLEAN("boolean"), JSON("json"), ARRAY("array");

    private final String label;

    SettingType(String label) {
        this.label = label;
    }

    /** As the database and the JSON spell it. */
    public String label() {
        return label;
    }

    public static SettingType ofLabel(String label) {
        return Arrays.stream(values()).filter(t -> t.label.equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown setting_type " + label));
    }

    @Converter
    public static class Label implements AttributeConverter<SettingType, String> {
        @Override
        public String convertToDatabaseColumn(SettingType type) {
            return type == null ? null : type.label;
        }

        @Override
        public SettingType convertToEntityAttribute(String label) {
            return label == null ? null : ofLabel(label);
        }
    }
}
