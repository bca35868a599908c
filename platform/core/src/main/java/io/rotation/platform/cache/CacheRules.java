package io.rotation.platform.cache;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rotation.contracts.Topics;
import io.rotation.platform.kafka.CompactedTopicState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The cache rules administered in config-service ({@code cache_config}), in memory and kept current from
 * the compacted topic {@code rotation.config.cache-rules.v1}. A cache asks for the rule of the key it is
 * about to read or store ({@link #ruleFor}): the TTL to store with, and whether to use the cache at all.
 * No rule means the cache's own configuration applies.
 */
@ApplicationScoped
public class CacheRules extends CompactedTopicState<Long, CacheRule> {

    private volatile List<CacheRule> rules = List.of();

    /** For CDI's client proxy only. */
    protected CacheRules() {
    }

    @Inject
    public CacheRules(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                      @ConfigProperty(name = "rotation.cache-rules.topic", defaultValue = Topics.CONFIG_CACHE_RULES) String topic,
                      @ConfigProperty(name = "rotation.cache-rules.enabled", defaultValue = "true") boolean enabled,
                      @ConfigProperty(name = "rotation.cache-rules.initial-load-timeout", defaultValue = "10s") Duration initialLoad,
                      ObjectMapper json) {
        super("cache rules", bootstrapServers, topic, enabled, initialLoad, json);
    }

    /** The rule whose pattern matches the key; of several, the most specific (most literal characters). */
    public Optional<CacheRule> ruleFor(String key) {
        List<CacheRule> all = rules;
        if (all.isEmpty()) {
            return Optional.empty();
        }
        return all.stream().filter(r -> r.matches(key))
                .max(Comparator.comparingInt(CacheRule::specificity).thenComparing(CacheRule::id, Comparator.reverseOrder()));
    }

    /** The TTL to store {@code key} with: its rule's, else {@code configured}. */
    public Duration ttl(String key, Duration configured) {
        return ruleFor(key).map(CacheRule::ttl).orElse(configured);
    }

    /** Whether {@code key} may be read from and stored in the cache: not when its rule is disabled. */
    public boolean cached(String key) {
        return ruleFor(key).map(CacheRule::enabled).orElse(true);
    }

    @Override
    protected Long keyOf(String messageKey, JsonNode message) {
        return message == null ? Long.parseLong(messageKey) : message.path("id").asLong();
    }

    @Override
    protected CacheRule entryOf(Long id, JsonNode m) {
        if (m.path("deleted").asBoolean()) {
            return null;
        }
        JsonNode max = m.path("max_entries");
        return CacheRule.of(id, m.path("key_pattern").asText(), Duration.ofSeconds(m.path("ttl_seconds").asLong()),
                max.isNumber() ? max.asInt() : null, m.path("enabled").asBoolean(true));
    }

    @Override
    protected void publish(Map<Long, CacheRule> entries) {
        rules = List.copyOf(entries.values());
    }
}
