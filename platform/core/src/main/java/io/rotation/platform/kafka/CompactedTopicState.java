package io.rotation.platform.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Configuration every service holds in memory from one of config-service's compacted topics (rate-limit
 * rules, maintenance windows, settings, cache rules): one entry per message key, the latest message its
 * state. At start the topic is read from the beginning (waiting until caught up, within a bound, while the
 * service's other topics load at the same time) and then
 * followed, so a change reaches every service within a poll; config-service applies its own writes at
 * once through {@link #applyOwnWrite}. Subclasses say what a message means and publish an immutable view.
 * The topic catching up does not undo an own write ({@link OwnWrites}).
 */
public abstract class CompactedTopicState<K, V> {

    private static final Logger LOG = Logger.getLogger(CompactedTopicState.class);

    private final String what;
    private final boolean enabled;
    private final Duration initialLoad;
    private final ObjectMapper json;
    private final CompactedTopicFollower follower;
    private final Map<K, V> byKey = new HashMap<>();
    private final OwnWrites<K> ownWrites = new OwnWrites<>();

    /** For CDI's client proxy only (a proxy needs a no-args constructor up its class chain). */
    protected CompactedTopicState() {
        this.what = null;
        this.enabled = false;
        this.initialLoad = null;
        this.json = null;
        this.follower = null;
    }

    protected CompactedTopicState(String what, String bootstrapServers, String topic, boolean enabled,
                                  Duration initialLoad, ObjectMapper json) {
        this.what = what;
        this.enabled = enabled;
        this.initialLoad = initialLoad;
        this.json = json;
        this.follower = new CompactedTopicFollower(bootstrapServers, topic, this::apply);
    }

    public boolean enabled() {
        return enabled;
    }

    /** The entry a message is about: from its payload, or from the message key for a tombstone ({@code message} null). */
    protected abstract K keyOf(String messageKey, JsonNode message);

    /** The entry a message holds, or null when the message removes it (deleted, disabled, cancelled). */
    protected abstract V entryOf(K key, JsonNode message);

    /** Takes the state after each applied message: an immutable copy of every entry. */
    protected abstract void publish(Map<K, V> entries);

    /** Drops entries of no further use before the state is published (by default none). */
    protected void prune(Map<K, V> entries) {
    }

    /** Public: CDI calls it on the subclass bean, from the subclass's package. */
    public void beginLoading(@Observes @Priority(CompactedTopicFollower.STARTING) StartupEvent started) {
        if (enabled) {
            follower.begin();
        }
    }

    /** Public: CDI calls it on the subclass bean, from the subclass's package. */
    public void onStart(@Observes @Priority(CompactedTopicFollower.CAUGHT_UP) StartupEvent started) {
        if (enabled) {
            follower.awaitCaughtUp(initialLoad);
            LOG.infof("%s: %d loaded", what, size());
        }
    }

    public void onStop(@Observes ShutdownEvent stopping) {
        if (follower != null) {
            follower.stop();
        }
    }

    private synchronized int size() {
        return byKey.size();
    }

    /** Applies one message of the topic (the latest state of one entry); a message that cannot be read changes nothing. */
    public synchronized void apply(String key, byte[] value) {
        apply(key, value, false);
    }

    /** Applies a change this service has just committed and is publishing, ahead of the topic bringing it back. */
    public synchronized void applyOwnWrite(String key, byte[] value) {
        apply(key, value, true);
    }

    private void apply(String key, byte[] value, boolean own) {
        try {
            JsonNode message = value == null ? null : json.readTree(value);
            K k = keyOf(key, message);
            if (own) {
                ownWrites.wrote(k, message);
            } else if (!ownWrites.admits(k, message)) {
                return;
            }
            V entry = message == null ? null : entryOf(k, message);
            if (entry == null) {
                byKey.remove(k);
            } else {
                byKey.put(k, entry);
            }
            prune(byKey);
            publish(Map.copyOf(byKey));
        } catch (IOException | RuntimeException e) {
            LOG.errorf("%s message %s skipped: %s", what, key, e.toString());
        }
    }
}
