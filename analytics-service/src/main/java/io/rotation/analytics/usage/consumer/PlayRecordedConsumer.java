package io.rotation.analytics.usage.consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rotation.analytics.usage.model.AnnouncedPlay;
import io.rotation.analytics.usage.service.UsageService;
import io.rotation.contracts.EventType;
import io.rotation.contracts.userfeatures.PlayRecorded;
import io.rotation.contracts.userfeatures.PlaysRecorded;
import io.rotation.platform.consumer.IdempotentConsumer;
import io.rotation.platform.event.InboundEvent;
import io.rotation.platform.event.PoisonEventException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The plays topic from user-features, applied to the usage tables exactly once: PlaysRecorded (one event per
 * request, its plays) and PlayRecorded (one play; user-features no longer sends it, but events of it may still
 * be on the topic). Every play of an event is checked before any is applied, and one invalid play (without
 * user, track or played_at, of another user than the batch's, or dated in the future) parks the whole event
 * on the DLQ: user-features validates plays before storing them, so such an event is a producer bug, and
 * parking all of it keeps the event replayable as sent.
 */
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

    private List<AnnouncedPlay> decode(InboundEvent event) {
        if (EventType.PLAYS_RECORDED.type().equals(event.type())) {
            PlaysRecorded batch = event.data(mapper, PlaysRecorded.class);
            if (batch.userId() <= 0 || batch.plays() == null || batch.plays().isEmpty()) {
                throw new PoisonEventException("PlaysRecorded without user or plays");
            }
            Instant latest = latestPlayedAt();
            for (PlayRecorded play : batch.plays()) {
                check(play, latest);
                if (play.userId() != batch.userId()) {
                    throw new PoisonEventException("PlaysRecorded of user " + batch.userId() + " carries a play of user "
                            + play.userId());
                }
            }
            return batch.plays().stream().map(p -> AnnouncedPlay.ofBatch(event.id(), p)).toList();
        }
        if (EventType.PLAY_RECORDED.type().equals(event.type())) {
            PlayRecorded play = event.data(mapper, PlayRecorded.class);
            check(play, latestPlayedAt());
            return List.of(AnnouncedPlay.alone(event.id(), play));
        }
        throw new PoisonEventException("unexpected event type " + event.type());
    }

    private static Instant latestPlayedAt() {
        return Instant.now().plus(MAX_CLOCK_SKEW);
    }

    private static void check(PlayRecorded play, Instant latest) {
        if (play == null || play.playedAt() == null || play.userId() <= 0 || play.trackId() <= 0) {
            throw new PoisonEventException("PlayRecorded without user, track or played_at");
        }
        if (play.playedAt().isAfter(latest)) {
            throw new PoisonEventException("PlayRecorded played_at " + play.playedAt() + " is in the future");
        }
    }
}
