package io.rotation.platform.ratelimit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.rotation.contracts.Topics;
import io.rotation.platform.kafka.CompactedTopicFollower;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * This service's copy of every enabled rate-limit rule, kept current from the compacted topic that
 * config-service writes (as {@link io.rotation.platform.flags.FlagStore} keeps the flags): a rule
 * changed by an admin is enforced by every service within a poll. Reads take an immutable list.
 */
@ApplicationScoped
public class RateLimitRules {

    private static final Logger LOG = Logger.getLogger(RateLimitRules.class);

    private final boolean enabled;
    private final Duration initialLoad;
    private final ObjectMapper json;
    private final CompactedTopicFollower follower;
    private final Map<Long, RateLimitRule> byId = new HashMap<>();
    private volatile List<RateLimitRule> rules = List.of();

    public RateLimitRules(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                          @ConfigProperty(name = "rotation.rate-limits.topic", defaultValue = Topics.CONFIG_RATE_LIMITS) String topic,
                          @ConfigProperty(name = "rotation.rate-limits.enabled", defaultValue = "true") boolean enabled,
                          @ConfigProperty(name = "rotation.rate-limits.initial-load-timeout", defaultValue = "10s") Duration initialLoad,
                          ObjectMapper json) {
        this.enabled = enabled;
        this.initialLoad = initialLoad;
        this.json = json;
        this.follower = new CompactedTopicFollower(bootstrapServers, topic, this::apply);
    }

    public boolean enabled() {
        return enabled;
    }

    public List<RateLimitRule> current() {
        return rules;
    }

    /** Whether any rule covers this endpoint, before the caller is worked out (most requests: none). */
    public boolean anyCovers(String method, String path) {
        for (RateLimitRule rule : rules) {
            if (rule.covers(method, path)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The rules that limit this request, given the caller's identifiers by type (a type the caller has
     * none of is absent). A rule naming the caller replaces the every-caller rule of the same type and
     * endpoint pattern, so an admin can give one caller a different limit.
     */
    public List<Applied> applicable(String method, String path, Map<String, String> callerIds) {
        List<RateLimitRule> all = rules;
        if (all.isEmpty()) {
            return List.of();
        }
        Map<String, Applied> chosen = new HashMap<>();
        for (RateLimitRule rule : all) {
            String subject = callerIds.get(rule.identifierType());
            if (subject == null || !(rule.forEveryCaller() || rule.identifier().equals(subject))
                    || !rule.covers(method, path)) {
                continue;
            }
            String slot = rule.identifierType() + " " + rule.endpointPattern();
            Applied existing = chosen.get(slot);
            if (existing == null || existing.rule().forEveryCaller() && !rule.forEveryCaller()) {
                chosen.put(slot, new Applied(rule, subject));
            }
        }
        return List.copyOf(chosen.values());
    }

    /** A rule and the caller it counts. */
    public record Applied(RateLimitRule rule, String subject) {
    }

    void start(@Observes StartupEvent started) {
        if (enabled) {
            follower.start(initialLoad);
            LOG.infof("%d rate-limit rules loaded", rules.size());
        }
    }

    void stop(@Observes ShutdownEvent stopping) {
        follower.stop();
    }

    /** Applies one message of the topic (the latest state of one rule); config-service applies its own writes at once. */
    public synchronized void apply(String key, byte[] value) {
        try {
            JsonNode message = value == null ? null : json.readTree(value);
            long id = message == null ? Long.parseLong(key) : message.path("id").asLong();
            if (message == null || message.path("deleted").asBoolean() || !message.path("enabled").asBoolean(true)) {
                byId.remove(id);
            } else {
                byId.put(id, RateLimitRule.of(id, message.path("identifier_type").asText(),
                        message.path("identifier").asText(), message.path("endpoint_pattern").asText(),
                        message.path("max_requests").asInt(), message.path("window_seconds").asInt(),
                        message.path("block_seconds").asInt(0)));
            }
            rules = List.copyOf(new ArrayList<>(byId.values()));
        } catch (IOException | RuntimeException e) {
            LOG.errorf("rate-limit message %s skipped: %s", key, e.toString());
        }
    }
}
