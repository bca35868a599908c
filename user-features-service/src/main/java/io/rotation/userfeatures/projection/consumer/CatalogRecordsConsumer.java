package io.rotation.userfeatures.projection.consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rotation.contracts.EventType;
import io.rotation.contracts.catalog.RecordUpserted;
import io.rotation.contracts.catalog.TrackUpserted;
import io.rotation.platform.consumer.IdempotentConsumer;
import io.rotation.platform.consumer.IdempotentConsumer.Decoded;
import io.rotation.platform.event.InboundEvent;
import io.rotation.platform.event.PoisonEventException;
import io.rotation.userfeatures.projection.repository.ProjectionRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * catalog's records topic into the track and record projections, exactly once, a batch per
 * statement. Within a batch the last event per id wins (the topic is keyed by record, so a record's
 * events arrive in order); records are applied after tracks so that a record's track list decides.
 */
@ApplicationScoped
public class CatalogRecordsConsumer {

    static final String CONSUMER = "user-features.catalog-records";

    private final IdempotentConsumer consumer;
    private final ProjectionRepository projections;
    private final ObjectMapper mapper;

    public CatalogRecordsConsumer(IdempotentConsumer consumer, ProjectionRepository projections, ObjectMapper mapper) {
        this.consumer = consumer;
        this.projections = projections;
        this.mapper = mapper;
    }

    @Incoming("catalog-records")
    public Uni<Void> consume(ConsumerRecords<String, byte[]> records) {
        return consumer.consume(records, CONSUMER, this::decode, (connection, events) -> {
            Map<Long, TrackUpserted> tracks = new LinkedHashMap<>();
            Map<Long, RecordUpserted> catalogRecords = new LinkedHashMap<>();
            for (Decoded<Record> event : events) {
                if (event.payload() instanceof TrackUpserted track) {
                    tracks.remove(track.trackId());
                    tracks.put(track.trackId(), track);
                } else if (event.payload() instanceof RecordUpserted record) {
                    catalogRecords.remove(record.recordId());
                    catalogRecords.put(record.recordId(), record);
                }
            }
            return projections.upsertTracks(connection, new ArrayList<>(tracks.values()))
                    .chain(() -> projections.upsertRecords(connection, List.copyOf(catalogRecords.values())));
        });
    }

    /** RecordUpserted or TrackUpserted; null for other types (claimed, no effect). */
    private Record decode(InboundEvent event) {
        if (EventType.TRACK_UPSERTED.type().equals(event.type())) {
            TrackUpserted track = event.data(mapper, TrackUpserted.class);
            if (track.trackId() <= 0 || track.recordId() <= 0) {
                throw new PoisonEventException("TrackUpserted without track_id or record_id");
            }
            return track;
        }
        if (EventType.RECORD_UPSERTED.type().equals(event.type())) {
            RecordUpserted record = event.data(mapper, RecordUpserted.class);
            if (record.recordId() <= 0) {
                throw new PoisonEventException("RecordUpserted without record_id");
            }
            return record;
        }
        return null;
    }
}
