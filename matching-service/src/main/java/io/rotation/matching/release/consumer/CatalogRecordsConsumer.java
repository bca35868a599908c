package io.rotation.matching.release.consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rotation.contracts.EventType;
import io.rotation.contracts.catalog.RecordUpserted;
import io.rotation.contracts.catalog.TrackUpserted;
import io.rotation.matching.release.service.ReleaseProjection;
import io.rotation.platform.consumer.IdempotentConsumer;
import io.rotation.platform.event.InboundEvent;
import io.rotation.platform.event.PoisonEventException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * catalog's records topic (TrackUpserted, then RecordUpserted, per record in order) into matching's
 * release projection, exactly once; a release whose tracks appeared or changed is queued for matching.
 */
@ApplicationScoped
public class CatalogRecordsConsumer {

    static final String CONSUMER = "matching.catalog-records";

    private final IdempotentConsumer consumer;
    private final ReleaseProjection projection;
    private final ObjectMapper mapper;

    public CatalogRecordsConsumer(IdempotentConsumer consumer, ReleaseProjection projection, ObjectMapper mapper) {
        this.consumer = consumer;
        this.projection = projection;
        this.mapper = mapper;
    }

    @Incoming("catalog-records")
    public Uni<Void> consume(ConsumerRecords<String, byte[]> records) {
        return consumer.consume(records, CONSUMER, this::decode, projection::apply);
    }

    private Record decode(InboundEvent event) {
        if (EventType.TRACK_UPSERTED.type().equals(event.type())) {
            TrackUpserted track = event.data(mapper, TrackUpserted.class);
            if (track.trackId() <= 0 || track.recordId() <= 0 || track.title() == null || track.upsertedAt() == null) {
                throw new PoisonEventException("TrackUpserted without track, record, title or upserted_at");
            }
            return track;
        }
        if (EventType.RECORD_UPSERTED.type().equals(event.type())) {
            RecordUpserted record = event.data(mapper, RecordUpserted.class);
            if (record.recordId() <= 0 || record.title() == null || record.upsertedAt() == null) {
                throw new PoisonEventException("RecordUpserted without record, title or upserted_at");
            }
            return record;
        }
        throw new PoisonEventException("unexpected event type " + event.type());
    }
}
