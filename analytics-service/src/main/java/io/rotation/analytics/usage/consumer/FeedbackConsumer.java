package io.rotation.analytics.usage.consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rotation.analytics.usage.model.Interaction;
import io.rotation.analytics.usage.service.InteractionService;
import io.rotation.contracts.EventType;
import io.rotation.contracts.userfeatures.FeedbackSubmitted;
import io.rotation.platform.consumer.IdempotentConsumer;
import io.rotation.platform.event.InboundEvent;
import io.rotation.platform.event.PoisonEventException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** FeedbackSubmitted from user-features, into usage_metrics and daily_metrics exactly once (every type). */
@ApplicationScoped
public class FeedbackConsumer {

    static final String CONSUMER = "analytics.feedback";

    private final IdempotentConsumer consumer;
    private final InteractionService interactions;
    private final ObjectMapper mapper;

    public FeedbackConsumer(IdempotentConsumer consumer, InteractionService interactions, ObjectMapper mapper) {
        this.consumer = consumer;
        this.interactions = interactions;
        this.mapper = mapper;
    }

    @Incoming("feedback")
    public Uni<Void> consume(ConsumerRecords<String, byte[]> records) {
        return consumer.consume(records, CONSUMER, EventType.FEEDBACK_SUBMITTED, this::decode, interactions::apply);
    }

    private Interaction decode(InboundEvent event) {
        if (!EventType.FEEDBACK_SUBMITTED.type().equals(event.type())) {
            throw new PoisonEventException("unexpected event type " + event.type());
        }
        FeedbackSubmitted f = event.data(mapper, FeedbackSubmitted.class);
        if (f.feedbackId() <= 0 || f.feedbackType() == null || f.feedbackType().isBlank()
                || (f.entityId() != null && (f.entityType() == null || f.entityType().isBlank()))) {
            throw new PoisonEventException("FeedbackSubmitted without id or type, or an entity id without its type");
        }
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("feedback_id", f.feedbackId());
        metadata.put("feedback_type", f.feedbackType());
        if (f.audioMatchId() != null) {
            metadata.put("audio_match_id", f.audioMatchId());
        }
        Long user = f.userId() != null && f.userId() > 0 ? f.userId() : null;
        return new Interaction(user, Interaction.FEEDBACK_SUBMITTED, f.entityId() == null ? null : f.entityType(),
                f.entityId(), Interactions.at(f.submittedAt(), event), metadata);
    }
}
