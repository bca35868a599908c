package io.rotation.analytics.usage.consumer;

import io.rotation.platform.event.InboundEvent;
import io.rotation.platform.event.PoisonEventException;
import java.time.Duration;
import java.time.Instant;

/** What the interaction consumers check alike. */
final class Interactions {

    /**
     * usage_metrics is partitioned by month of occurred_at: a far-future row would sit in the default partition
     * and block creating its month later, so such an event is parked on the DLQ (as plays are).
     */
    static final Duration MAX_CLOCK_SKEW = Duration.ofDays(1);

    private Interactions() {
    }

    /** When it happened: the payload's time, else the event's. */
    static Instant at(Instant payloadTime, InboundEvent event) {
        Instant at = payloadTime == null ? event.time() : payloadTime;
        if (at == null) {
            throw new PoisonEventException("event without a time");
        }
        if (at.isAfter(Instant.now().plus(MAX_CLOCK_SKEW))) {
            throw new PoisonEventException("event time " + at + " is in the future");
        }
        return at;
    }
}
