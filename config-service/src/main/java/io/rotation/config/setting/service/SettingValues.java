package io.rotation.config.setting.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.rotation.config.setting.model.SettingType;
import java.util.regex.Pattern;

/**
 * A setting's value between its JSON form (what the API takes and answers) and its stored text (what the
 * {@code settings.value} column and the settings topic hold; the column's check
 * {@code setting_value_is_valid} reads it the same way).
 */
public final class SettingValues {

    /** What the database's setting_value_is_valid takes for a number. */
    private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
    public static final int MAX_TEXT = 65_536;
    public static final TextNode MASKED = TextNode.valueOf("********");

    private SettingValues() {
    }

    /** Why {@code value} is not a value of {@code type}, or null when it is. */
    public static String problem(SettingType type, JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "is required";
        }
        String expected = switch (type) {
            case STRING -> value.isTextual() ? null : "must be a JSON string for a string setting";
            case NUMBER -> value.isNumber() && NUMBER.matcher(value.toString()).matches() ? null
                    : "must be a JSON number for a number setting";
            case BOOLEAN -> value.isBoolean() ? null : "must be true or false for a boolean setting";
            case JSON -> value.isObject() ? null : "must be a JSON object for a json setting";
            case ARRAY -> value.isArray() ? null : "must be a JSON array for an array setting";
        };
        if (expected == null && text(type, value).length() > MAX_TEXT) {
            return "at most " + MAX_TEXT + " characters";
        }
        return expected;
    }

    /** The stored text of a valid value. */
    public static String text(SettingType type, JsonNode value) {
        return type == SettingType.STRING ? value.asText() : value.toString();
    }

    /** The JSON form of a stored text. */
    public static JsonNode json(ObjectMapper mapper, SettingType type, String text) {
        if (text == null) {
            return null;
        }
        try {
            return switch (type) {
                case STRING -> TextNode.valueOf(text);
                case BOOLEAN -> BooleanNode.valueOf(Boolean.parseBoolean(text));
                case NUMBER, JSON, ARRAY -> mapper.readTree(text);
            };
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored setting text does not read as " + type.label(), e);
        }
    }
}
