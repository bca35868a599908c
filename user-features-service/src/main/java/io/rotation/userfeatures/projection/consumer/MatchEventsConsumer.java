package io.rotation.userfeatures.projection.consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rotation.contracts.EventType;
import io.rotation.contracts.matching.MatchCreated;
import io.rotation.contracts.matching.MatchStatusChanged;
import io.rotation.platform.consumer.IdempotentConsumer;
import io.rotation.platform.event.InboundEvent;
import io.rotation.platform.event.PoisonEventException;
import io.rotation.userfeatures.projection.repository.ProjectionRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** matching's match events into the {@code known_audio_matches} projection, exactly once. */
@ApplicationScoped
public class MatchEventsConsumer {

    static final String CONSUMER = "user-features.matches";

    private final IdempotentConsumer consumer;
    private final ProjectionRepository projections;
    private final ObjectMapper mapper;

    public MatchEventsConsumer(IdempotentConsumer consumer, ProjectionRepository projections, ObjectMapper mapper) {
        this.consumer = consumer;
        this.projections = projections;
        this.mapper = mapper;
    }

    @Incoming("matching-matches")
    public Uni<Void> consume(ConsumerRecords<String, byte[]> records) {
        return consumer.consume(records, CONSUMER, this::decode, IdempotentConsumer.eachInTurn((connection, event) -> {
            if (event.payload() instanceof MatchCreated created) {
                return projections.upsertMatch(connection, created);
            }
            if (event.payload() instanceof MatchStatusChanged changed) {
                return projections.changeMatch(connection, changed);
            }
            return Uni.createFrom().voidItem();
        }));
    }

    /** MatchCreated or MatchStatusChanged; null for other types (claimed, no effect). */
    private Record decode(InboundEvent event) {
        if (EventType.MATCH_CREATED.type().equals(event.type())) {
            MatchCreated created = event.data(mapper, MatchCreated.class);
            if (created.matchId() <= 0 || created.trackId() <= 0 || created.status() == null) {
                throw new PoisonEventException("MatchCreated without match_id, track_id or status");
            }
            return created;
        }
        if (EventType.MATCH_STATUS_CHANGED.type().equals(event.type())) {
            MatchStatusChanged changed = event.data(mapper, MatchStatusChanged.class);
            if (changed.matchId() <= 0 || changed.trackId() <= 0 || changed.newStatus() == null) {
                throw new PoisonEventException("MatchStatusChanged without match_id, track_id or new_status");
            }
            return changed;
        }
        return null;
    }
}
