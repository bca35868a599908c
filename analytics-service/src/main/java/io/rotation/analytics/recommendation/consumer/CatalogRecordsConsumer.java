package io.rotation.analytics.recommendation.consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rotation.analytics.recommendation.repository.CatalogRecordRepository;
import io.rotation.contracts.EventType;
import io.rotation.contracts.catalog.RecordUpserted;
import io.rotation.platform.consumer.IdempotentConsumer;
import io.rotation.platform.event.InboundEvent;
import io.rotation.platform.event.PoisonEventException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** RecordUpserted from the catalog into the catalog_records projection (TrackUpserted is skipped). */
@ApplicationScoped
public class CatalogRecordsConsumer {

    static final String CONSUMER = "analytics.catalog-records";

    private final IdempotentConsumer consumer;
    private final CatalogRecordRepository records;
    private final ObjectMapper mapper;

    public CatalogRecordsConsumer(IdempotentConsumer consumer, CatalogRecordRepository records, ObjectMapper mapper) {
        this.consumer = consumer;
        this.records = records;
        this.mapper = mapper;
    }

    @Incoming("catalog-records")
    public Uni<Void> consume(ConsumerRecords<String, byte[]> batch) {
        return consumer.consume(batch, CONSUMER, EventType.RECORD_UPSERTED, this::decode,
                IdempotentConsumer.eachInTurn((c, d) -> records.upsert(c, d.payload())));
    }

    private RecordUpserted decode(InboundEvent event) {
        if (!EventType.RECORD_UPSERTED.type().equals(event.type())) {
            throw new PoisonEventException("unexpected event type " + event.type());
        }
        RecordUpserted record = event.data(mapper, RecordUpserted.class);
        if (record.recordId() <= 0) {
            throw new PoisonEventException("RecordUpserted without a record id");
        }
        return record;
    }
}
