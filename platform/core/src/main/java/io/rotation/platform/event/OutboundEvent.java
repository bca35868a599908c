package io.rotation.platform.event;

import io.rotation.contracts.EventType;
import java.time.Instant;
import java.util.UUID;

/**
 * An event a service announces: its CloudEvents id and type, the topic and key it travels with,
 * and the payload record from {@code contracts}.
 */
public record OutboundEvent(UUID id, EventType type, String key, Instant time, Record payload) {

    public static OutboundEvent of(EventType type, Object key, Record payload) {
        if (!type.payload().isInstance(payload)) {
            throw new IllegalArgumentException(type + " carries " + type.payload().getSimpleName());
        }
        return new OutboundEvent(UUID.randomUUID(), type, String.valueOf(key), Instant.now(), payload);
    }
}
