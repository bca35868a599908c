package io.rotation.userfeatures.projection.consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rotation.contracts.EventType;
import io.rotation.contracts.identity.StoreChanged;
import io.rotation.platform.consumer.IdempotentConsumer;
import io.rotation.platform.event.InboundEvent;
import io.rotation.platform.event.PoisonEventException;
import io.rotation.userfeatures.projection.repository.ProjectionRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * identity's store events into the {@code known_stores} projection, exactly once; StoreManagerChanged
 * on the same topic is acknowledged without effect.
 */
@ApplicationScoped
public class StoreEventsConsumer {

    static final String CONSUMER = "user-features.stores";

    private final IdempotentConsumer consumer;
    private final ProjectionRepository projections;
    private final ObjectMapper mapper;

    public StoreEventsConsumer(IdempotentConsumer consumer, ProjectionRepository projections, ObjectMapper mapper) {
        this.consumer = consumer;
        this.projections = projections;
        this.mapper = mapper;
    }

    @Incoming("identity-stores")
    public Uni<Void> consume(ConsumerRecords<String, byte[]> records) {
        return consumer.consume(records, CONSUMER, EventType.STORE_CHANGED, this::decode,
                IdempotentConsumer.eachInTurn((connection, event) -> projections.upsertStore(connection, event.payload())));
    }

    private StoreChanged decode(InboundEvent event) {
        StoreChanged change = event.data(mapper, StoreChanged.class);
        if (change.storeId() <= 0 || change.name() == null || change.status() == null) {
            throw new PoisonEventException("StoreChanged without store_id, name or status");
        }
        return change;
    }
}
