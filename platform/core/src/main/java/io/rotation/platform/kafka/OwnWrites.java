package io.rotation.platform.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Keeps a writer's own changes from being undone while the compacted topic catches up. The writer applies
 * its change at once ({@link #wrote}); messages for that key that the topic still brings from before it are
 * then stale. Until the topic brings the own write back (the same state, whatever its {@code changed_at}:
 * a writer may stamp what it publishes and what it applies a moment apart) or a change at or after it,
 * older ones are refused ({@link #admits}). Only the writer's own clock is compared with
 * itself, so the clocks of replicas need not agree. Not thread-safe: the holder's lock guards it.
 */
public final class OwnWrites<K> {

    private final Map<K, JsonNode> pending = new HashMap<>();

    /** Records a change this instance wrote and applied itself. */
    public void wrote(K key, JsonNode message) {
        if (changedAt(message) != null) {
            pending.put(key, message);
        }
    }

    /** Whether a message from the topic may be applied: not when it predates a pending own write of its key. */
    public boolean admits(K key, JsonNode message) {
        JsonNode own = pending.get(key);
        if (own == null) {
            return true;
        }
        Instant at = changedAt(message);
        if (message != null && !sameState(own, message) && (at == null || at.isBefore(changedAt(own)))) {
            return false;
        }
        pending.remove(key);
        return true;
    }

    private static boolean sameState(JsonNode own, JsonNode message) {
        if (!(own instanceof ObjectNode a) || !(message instanceof ObjectNode b)) {
            return false;
        }
        ObjectNode x = a.deepCopy();
        ObjectNode y = b.deepCopy();
        x.remove("changed_at");
        y.remove("changed_at");
        return x.equals(y);
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
