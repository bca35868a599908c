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

    /** How often a replica that is not the relay's leader tries to become it. */
    @WithDefault("1s")
    Duration followerPollInterval();

    /** How many events one poll publishes at most. */
    @WithDefault("2000")
    int batchSize();

    /** Failed publications of one row (while Kafka takes others) after which the row is parked. */
    @WithDefault("5")
    int maxAttempts();

    /** Liveness fails when the relay's loop has not come round for this long (a dead or stuck relay). */
    @WithDefault("2m")
    Duration livenessTimeout();

    /**
     * The type of this service's {@code outbox_event.payload}: {@code text} where the service's changelog
     * made it text (text is not assignable to jsonb, so the insert casts to the column's type).
     */
    @WithDefault("jsonb")
    Outbox.PayloadColumn payloadColumn();

    /** The CloudEvents {@code source} of this service's events. */
    @WithDefault("/rotation/${quarkus.application.name}")
    String source();
}
