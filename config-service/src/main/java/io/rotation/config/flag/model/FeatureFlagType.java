package io.rotation.config.flag.model;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;

/**
 * The {@code feature_flag_type} enum. 'boolean' is a Java keyword, so the constants are upper case
 * and carry the database label; {@link Label} converts (the column is bound as the Postgres enum).
 */
public enum FeatureFlagType {
    BOOLEAN("boolean"), PERCENTAGE("percentage"), USER_LIST("user_list"), CONDITION("condition");

    private final String label;

    FeatureFlagType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static FeatureFlagType ofLabel(String label) {
        return Arrays.stream(values()).filter(t -> t.label.equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown feature_flag_type " + label));
    }

    @Converter
    public static class Label implements AttributeConverter<FeatureFlagType, String> {
        @Override
        public String convertToDatabaseColumn(FeatureFlagType type) {
            return type == null ? null : type.label;
        }

        @Override
        public FeatureFlagType convertToEntityAttribute(String label) {
            return label == null ? null : ofLabel(label);
        }
    }
}
