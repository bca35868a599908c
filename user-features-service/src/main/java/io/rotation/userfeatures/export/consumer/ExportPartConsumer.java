package io.rotation.userfeatures.export.consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rotation.contracts.EventType;
import io.rotation.contracts.export.UserExportPartReady;
import io.rotation.platform.consumer.IdempotentConsumer;
import io.rotation.userfeatures.export.service.ExportService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Every service's part of a GDPR export, stored once each. */
@ApplicationScoped
public class ExportPartConsumer {

    static final String CONSUMER = "user-features.export-parts";

    private final IdempotentConsumer consumer;
    private final ExportService exports;
    private final ObjectMapper mapper;

    public ExportPartConsumer(IdempotentConsumer consumer, ExportService exports, ObjectMapper mapper) {
        this.consumer = consumer;
        this.exports = exports;
        this.mapper = mapper;
    }

    @Incoming("export-parts")
    public Uni<Void> consume(ConsumerRecords<String, byte[]> records) {
        return consumer.consume(records, CONSUMER, EventType.USER_EXPORT_PART_READY,
                event -> event.data(mapper, UserExportPartReady.class), IdempotentConsumer.eachInTurn(exports::receive));
    }
}
