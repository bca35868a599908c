package io.rotation.platform.event;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Instant;
import java.util.UUID;

/** A CloudEvent as received: its attributes and the raw JSON data, decoded on demand. */
public record InboundEvent(UUID id, String type, String source, Instant time, String key, byte[] data) {

    public <T> T data(ObjectMapper mapper, Class<T> type) {
        try {
            return mapper.readValue(data, type);
        } catch (IOException e) {
            throw new PoisonEventException("data is not a valid " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
