package io.rotation.platform.kafka;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.admin.Config;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.jboss.logging.Logger;

/**
 * How long the broker keeps a topic's messages ({@code retention.ms}, as the broker reports it),
 * so that consumers keep their claims on event ids at least that long. Empty means forever
 * (retention -1, identity's topics) and is also the answer when the broker cannot be asked:
 * keeping a claim too long costs a row, forgetting it too early re-runs an effect.
 */
@ApplicationScoped
public class TopicRetention {

    private static final Logger LOG = Logger.getLogger(TopicRetention.class);

    private final KafkaAdmin kafka;
    private final Map<String, Optional<Duration>> known = new ConcurrentHashMap<>();

    public TopicRetention(KafkaAdmin kafka) {
        this.kafka = kafka;
    }

    /** The topic's retention; empty when messages are kept forever (or the broker did not say). */
    public Uni<Optional<Duration>> of(String topic) {
        Optional<Duration> cached = known.get(topic);
        if (cached != null) {
            return Uni.createFrom().item(cached);
        }
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        return Uni.createFrom().completionStage(() -> kafka.admin().describeConfigs(List.of(resource)).all()
                        .toCompletionStage())
                .ifNoItem().after(Duration.ofSeconds(10)).fail()
                .map(configs -> parse(configs.get(resource)))
                .invoke(retention -> known.put(topic, retention))
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("retention of %s unknown (%s): claims are kept forever", topic, e.toString());
                    return Optional.empty();
                });
    }

    static Optional<Duration> parse(Config config) {
        ConfigEntry entry = config == null ? null : config.get(TopicConfig.RETENTION_MS_CONFIG);
        if (entry == null || entry.value() == null) {
            return Optional.empty();
        }
        long ms = Long.parseLong(entry.value());
        return ms < 0 ? Optional.empty() : Optional.of(Duration.ofMillis(ms));
    }
}
