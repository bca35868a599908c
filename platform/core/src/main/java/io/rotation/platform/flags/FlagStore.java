package io.rotation.platform.flags;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.rotation.contracts.Topics;
import io.rotation.platform.kafka.CompactedTopicFollower;
import io.rotation.platform.kafka.OwnWrites;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * This service's copy of every feature flag, in memory. At start it reads the compacted flags topic
 * from the beginning and waits, up to a bound, until it has caught up; then it follows the topic, so
 * a change reaches every service within a poll. Evaluations read an immutable {@link FlagSet}: no
 * I/O, no lock.
 */
@ApplicationScoped
public class FlagStore {

    private static final Logger LOG = Logger.getLogger(FlagStore.class);

    private final boolean enabled;
    private final Duration initialLoad;
    private final ObjectMapper json;
    private final CompactedTopicFollower follower;
    private final AtomicLong applied = new AtomicLong();
    private final OwnWrites<String> ownWrites = new OwnWrites<>();
    private volatile FlagSet flags = FlagSet.EMPTY;

    public FlagStore(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                     @ConfigProperty(name = "rotation.flags.topic", defaultValue = Topics.CONFIG_FLAGS) String topic,
                     @ConfigProperty(name = "rotation.flags.enabled", defaultValue = "true") boolean enabled,
                     @ConfigProperty(name = "rotation.flags.initial-load-timeout", defaultValue = "10s") Duration initialLoad,
                     ObjectMapper json) {
        this.enabled = enabled;
        this.initialLoad = initialLoad;
        this.json = json;
        this.follower = new CompactedTopicFollower(bootstrapServers, topic, this::apply);
    }

    public FlagSet current() {
        return flags;
    }

    public boolean isEnabled(String key, UnleashContext context) {
        return flags.isEnabled(key, context);
    }

    public FlagResult evaluate(String key, UnleashContext context) {
        return flags.evaluate(key, context);
    }

    /** How many flag messages this instance has applied. */
    public long appliedCount() {
        return applied.get();
    }

    void begin(@Observes @Priority(CompactedTopicFollower.STARTING) StartupEvent started) {
        if (enabled) {
            follower.begin();
        }
    }

    void start(@Observes @Priority(CompactedTopicFollower.CAUGHT_UP) StartupEvent started) {
        if (enabled) {
            startFollowing();
        }
    }

    void stop(@Observes ShutdownEvent stopping) {
        stopFollowing();
    }

    /** Loads the flags (waiting until caught up, within the bound) and follows the topic from then on. */
    public void startFollowing() {
        follower.start(initialLoad);
        LOG.infof("%d feature flags loaded", flags.names().size());
    }

    public void stopFollowing() {
        follower.stop();
    }

    /** Applies one message of the topic (the latest state of one flag). */
    public synchronized void apply(String key, byte[] value) {
        apply(key, value, false);
    }

    /** Applies a flag change this service has just committed, ahead of the topic bringing it back ({@link OwnWrites}). */
    public synchronized void applyOwnWrite(String key, byte[] value) {
        apply(key, value, true);
    }

    private void apply(String key, byte[] value, boolean own) {
        try {
            JsonNode message = value == null ? null : json.readTree(value);
            if (own) {
                ownWrites.wrote(key, message);
            } else if (!ownWrites.admits(key, message)) {
                return;
            }
            boolean archived = message == null || message.path("archived").asBoolean(false);
            JsonNode definition = archived ? null : message.path("definition");
            String name = definition != null && definition.hasNonNull("name") ? definition.path("name").asText() : key;
            flags = flags.with(name, definition, message == null ? null : message.path("segments"));
            applied.incrementAndGet();
        } catch (IOException e) {
            LOG.errorf("flag message %s skipped: %s", key, e.toString());
        }
    }
}
