package io.rotation.platform.ratelimit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rotation.contracts.Topics;
import io.rotation.platform.kafka.CompactedTopicState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This service's copy of every enabled rate-limit rule, kept current from the compacted topic that
 * config-service writes (as {@link io.rotation.platform.flags.FlagStore} keeps the flags): a rule
 * changed by an admin is enforced by every service within a poll. Reads take an immutable list.
 */
@ApplicationScoped
public class RateLimitRules extends CompactedTopicState<Long, RateLimitRule> {

    private volatile List<RateLimitRule> rules = List.of();

    /** For CDI's client proxy only. */
    protected RateLimitRules() {
    }

    @Inject
    public RateLimitRules(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                          @ConfigProperty(name = "rotation.rate-limits.topic", defaultValue = Topics.CONFIG_RATE_LIMITS) String topic,
                          @ConfigProperty(name = "rotation.rate-limits.enabled", defaultValue = "true") boolean enabled,
                          @ConfigProperty(name = "rotation.rate-limits.initial-load-timeout", defaultValue = "10s") Duration initialLoad,
                          ObjectMapper json) {
        super("rate-limit rules", bootstrapServers, topic, enabled, initialLoad, json);
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

    @Override
    protected Long keyOf(String messageKey, JsonNode message) {
        return message == null ? Long.parseLong(messageKey) : message.path("id").asLong();
    }

    @Override
    protected RateLimitRule entryOf(Long id, JsonNode message) {
        if (message.path("deleted").asBoolean() || !message.path("enabled").asBoolean(true)) {
            return null;
        }
        return RateLimitRule.of(id, message.path("identifier_type").asText(), message.path("identifier").asText(),
                message.path("endpoint_pattern").asText(), message.path("max_requests").asInt(),
                message.path("window_seconds").asInt(), message.path("block_seconds").asInt(0));
    }

    @Override
    protected void publish(Map<Long, RateLimitRule> entries) {
        rules = List.copyOf(entries.values());
    }
}
