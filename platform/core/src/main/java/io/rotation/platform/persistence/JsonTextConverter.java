package io.rotation.platform.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/**
 * Any JSON value (object, array, scalar) in a JSONB column as a {@link JsonNode}. Hibernate Reactive's JSON type only
 * reads JSON objects, so the column is read as text ({@code cast(col as text)}), parsed here, and
 * written back as text cast to jsonb.
 */
@Converter
public class JsonTextConverter implements AttributeConverter<JsonNode, String> {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public String convertToDatabaseColumn(JsonNode node) {
        return node == null ? null : node.toString();
    }

    @Override
    public JsonNode convertToEntityAttribute(String json) {
        try {
            return json == null ? null : MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not JSON: " + json, e);
        }
    }
}
