package io.rotation.analytics.recommendation.consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rotation.analytics.recommendation.repository.CatalogRecordRepository;
import io.rotation.analytics.similarity.service.SimilarityService;
import io.rotation.contracts.EventType;
import io.rotation.contracts.catalog.RecordUpserted;
import io.rotation.platform.consumer.IdempotentConsumer;
import io.rotation.platform.event.InboundEvent;
import io.rotation.platform.event.PoisonEventException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * RecordUpserted from the catalog into the catalog_records projection (TrackUpserted is skipped), and the
 * records' content similarity refreshed in the same transaction.
 */
@ApplicationScoped
public class CatalogRecordsConsumer {

    static final String CONSUMER = "analytics.catalog-records";

    private final IdempotentConsumer consumer;
    private final CatalogRecordRepository records;
    private final SimilarityService similarity;
    private final ObjectMapper mapper;

    public CatalogRecordsConsumer(IdempotentConsumer consumer, CatalogRecordRepository records,
                                  SimilarityService similarity, ObjectMapper mapper) {
        this.consumer = consumer;
        this.records = records;
        this.similarity = similarity;
        this.mapper = mapper;
    }

    @Incoming("catalog-records")
    public Uni<Void> consume(ConsumerRecords<String, byte[]> batch) {
        return consumer.consume(batch, CONSUMER, EventType.RECORD_UPSERTED, this::decode,
                (c, upserts) -> IdempotentConsumer.<RecordUpserted>eachInTurn((cc, d) -> records.upsert(cc, d.payload()))
                        .apply(c, upserts)
                        .chain(() -> similarity.catalogued(c, upserts.stream().map(d -> d.payload().recordId()).toList())));
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
