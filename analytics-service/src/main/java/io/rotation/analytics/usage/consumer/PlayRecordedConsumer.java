package io.rotation.analytics.usage.consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rotation.analytics.usage.service.UsageService;
import io.rotation.contracts.EventType;
import io.rotation.contracts.userfeatures.PlayRecorded;
import io.rotation.platform.consumer.IdempotentConsumer;
import io.rotation.platform.event.InboundEvent;
import io.rotation.platform.event.PoisonEventException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** PlayRecorded events from user-features, applied to the usage tables exactly once. */
@ApplicationScoped
public class PlayRecordedConsumer {

    /** The name this consumer claims event ids under in processed_event. */
    static final String CONSUMER = "analytics.play-recorded";

    /**
     * How far ahead of our clock a play may be dated. usage_metrics is partitioned by month of
     * occurred_at: a far-future row would sit in the default partition and block creating its
     * month's partition later, so such a play is parked on the DLQ instead.
     */
    static final Duration MAX_CLOCK_SKEW = Duration.ofDays(1);

    private final IdempotentConsumer consumer;
    private final UsageService usage;
    private final ObjectMapper mapper;

    public PlayRecordedConsumer(IdempotentConsumer consumer, UsageService usage, ObjectMapper mapper) {
        this.consumer = consumer;
        this.usage = usage;
        this.mapper = mapper;
    }

    @Incoming("plays")
    public Uni<Void> consume(ConsumerRecords<String, byte[]> records) {
        return consumer.consume(records, CONSUMER, this::decode, usage::applyPlays);
    }

    private PlayRecorded decode(InboundEvent event) {
        if (!EventType.PLAY_RECORDED.type().equals(event.type())) {
            throw new PoisonEventException("unexpected event type " + event.type());
        }
        PlayRecorded play = event.data(mapper, PlayRecorded.class);
        if (play.playedAt() == null || play.userId() <= 0 || play.trackId() <= 0) {
            throw new PoisonEventException("PlayRecorded without user, track or played_at");
        }
        if (play.playedAt().isAfter(Instant.now().plus(MAX_CLOCK_SKEW))) {
            throw new PoisonEventException("PlayRecorded played_at " + play.playedAt() + " is in the future");
        }
        return play;
    }
}
