package io.rotation.matching.export.consumer;

import io.rotation.contracts.EventType;
import io.rotation.platform.consumer.IdempotentConsumer;
import io.rotation.platform.export.ExportParts;
import io.rotation.matching.export.service.ExportPartService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** GDPR export requests from user-features: this service's part is answered exactly once per request. */
@ApplicationScoped
public class ExportRequestConsumer {

    static final String CONSUMER = "matching.user-export";

    private final IdempotentConsumer consumer;
    private final ExportParts parts;
    private final ExportPartService exports;

    public ExportRequestConsumer(IdempotentConsumer consumer, ExportParts parts, ExportPartService exports) {
        this.consumer = consumer;
        this.parts = parts;
        this.exports = exports;
    }

    @Incoming("user-export-requests")
    public Uni<Void> consume(ConsumerRecords<String, byte[]> records) {
        return consumer.consume(records, CONSUMER, EventType.USER_EXPORT_REQUESTED, parts::decode,
                IdempotentConsumer.eachInTurn((connection, request) -> exports.answer(connection, request.payload())));
    }
}
