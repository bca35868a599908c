package io.rotation.analytics.export.consumer;

import io.rotation.platform.export.ExportParts;
import io.rotation.analytics.export.repository.ExportDataRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** GDPR export requests from user-features: this service's part is answered once per request. */
@ApplicationScoped
public class ExportRequestConsumer {

    static final String CONSUMER = "analytics.user-export";

    private final ExportParts exports;
    private final ExportDataRepository data;

    public ExportRequestConsumer(ExportParts exports, ExportDataRepository data) {
        this.exports = exports;
        this.data = data;
    }

    @Incoming("user-export-requests")
    public Uni<Void> consume(ConsumerRecords<String, byte[]> records) {
        return exports.answer(records, CONSUMER, data.part());
    }
}
