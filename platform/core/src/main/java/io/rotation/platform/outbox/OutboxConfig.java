package io.rotation.platform.outbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "rotation.outbox")
public interface OutboxConfig {

    /** Whether this instance relays its outbox to Kafka (one relay per schema runs at a time anyway). */
    @WithDefault("true")
    boolean relayEnabled();

    /** How long the relay sleeps when the outbox is empty. */
    @WithDefault("50ms")
    Duration pollInterval();

    /** How many events one relay transaction publishes at most. */
    @WithDefault("2000")
    int batchSize();

    /** The CloudEvents {@code source} of this service's events. */
    @WithDefault("/rotation/${quarkus.application.name}")
    String source();
}
