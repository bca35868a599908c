package io.rotation.platform.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Keeps a writer's own changes from being undone while the compacted topic catches up. The writer applies
 * its change at once ({@link #wrote}); messages for that key that the topic still brings from before it are
 * then stale. Until the topic brings one with a {@code changed_at} at or after the own write's (its echo,
 * or a later change), older ones are refused ({@link #admits}). Only the writer's own clock is compared with
 * itself, so the clocks of replicas need not agree. Not thread-safe: the holder's lock guards it.
 */
public final class OwnWrites<K> {

    private final Map<K, Instant> pending = new HashMap<>();

    /** Records a change this instance wrote and applied itself. */
    public void wrote(K key, JsonNode message) {
        Instant at = changedAt(message);
        if (at != null) {
            pending.put(key, at);
        }
    }

    /** Whether a message from the topic may be applied: not when it predates a pending own write of its key. */
    public boolean admits(K key, JsonNode message) {
        Instant own = pending.get(key);
        if (own == null) {
            return true;
        }
        Instant at = changedAt(message);
        if (message != null && (at == null || at.isBefore(own))) {
            return false;
        }
        pending.remove(key);
        return true;
    }

    /** A message's {@code changed_at}: ISO-8601 text, or epoch seconds when written as a number. */
    static Instant changedAt(JsonNode message) {
        JsonNode at = message == null ? null : message.get("changed_at");
        if (at == null || at.isNull()) {
            return null;
        }
        if (at.isNumber()) {
            BigDecimal seconds = at.decimalValue();
            return Instant.ofEpochSecond(seconds.longValue(), seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
        }
        return Instant.parse(at.asText());
    }
}
