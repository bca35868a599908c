package io.rotation.matching.feedback.consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rotation.contracts.EventType;
import io.rotation.contracts.userfeatures.FeedbackSubmitted;
import io.rotation.matching.audio.model.MatchView;
import io.rotation.matching.audio.service.MatchAftermath;
import io.rotation.matching.feedback.service.BadMatchReports;
import io.rotation.platform.consumer.IdempotentConsumer;
import io.rotation.platform.event.InboundEvent;
import io.rotation.platform.event.PoisonEventException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** user-features' FeedbackSubmitted: bad_match reports applied exactly once; other feedback is not matching's. */
@ApplicationScoped
public class FeedbackConsumer {

    static final String CONSUMER = "matching.feedback";

    private final IdempotentConsumer consumer;
    private final BadMatchReports reports;
    private final MatchAftermath aftermath;
    private final ObjectMapper mapper;

    public FeedbackConsumer(IdempotentConsumer consumer, BadMatchReports reports, MatchAftermath aftermath,
                            ObjectMapper mapper) {
        this.consumer = consumer;
        this.reports = reports;
        this.aftermath = aftermath;
        this.mapper = mapper;
    }

    @Incoming("feedback")
    public Uni<Void> consume(ConsumerRecords<String, byte[]> records) {
        List<MatchView> changed = new ArrayList<>();
        return consumer.consume(records, CONSUMER, EventType.FEEDBACK_SUBMITTED, this::decode,
                        IdempotentConsumer.eachInTurn((connection, event) -> reports.report(connection, event.payload())
                                .invoke(changed::addAll).replaceWithVoid()))
                .call(() -> aftermath.evict(changed));
    }

    private FeedbackSubmitted decode(InboundEvent event) {
        FeedbackSubmitted feedback = event.data(mapper, FeedbackSubmitted.class);
        if (feedback.feedbackId() <= 0 || feedback.submittedAt() == null) {
            throw new PoisonEventException("FeedbackSubmitted without feedback id or submitted_at");
        }
        return feedback;
    }
}
