package io.rotation.matching.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** JSON text for JSONB columns (written as text and cast, see docs/stack-notes.md) and back. */
public final class JsonText {

    private JsonText() {
    }

    public static String write(ObjectMapper mapper, Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    /** Reads what this service wrote; unreadable text is a bug, not bad input. */
    public static <T> T read(ObjectMapper mapper, String json, TypeReference<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable stored JSON: " + e.getOriginalMessage(), e);
        }
    }
}
