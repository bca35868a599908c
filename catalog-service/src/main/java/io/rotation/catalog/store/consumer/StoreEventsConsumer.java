package io.rotation.catalog.store.consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rotation.catalog.store.repository.StoreRepository;
import io.rotation.contracts.EventType;
import io.rotation.contracts.identity.StoreChanged;
import io.rotation.platform.consumer.IdempotentConsumer;
import io.rotation.platform.consumer.IdempotentConsumer.Decoded;
import io.rotation.platform.event.InboundEvent;
import io.rotation.platform.event.PoisonEventException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Objects;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * identity's store events into the {@code stores} projection, exactly once. StoreManagerChanged
 * travels on the same topic and is acknowledged without effect: who manages a store is read from
 * the caller's token ({@code store_ids}), which identity issues from the same memberships.
 */
@ApplicationScoped
public class StoreEventsConsumer {

    /** The name this consumer claims event ids under in processed_event. */
    static final String CONSUMER = "catalog.stores";

    private final IdempotentConsumer consumer;
    private final StoreRepository stores;
    private final ObjectMapper mapper;

    public StoreEventsConsumer(IdempotentConsumer consumer, StoreRepository stores, ObjectMapper mapper) {
        this.consumer = consumer;
        this.stores = stores;
        this.mapper = mapper;
    }

    @Incoming("stores")
    public Uni<Void> consume(ConsumerRecords<String, byte[]> records) {
        return consumer.consume(records, CONSUMER, this::decode, (connection, events) -> stores.apply(connection,
                events.stream().map(Decoded::payload).filter(Objects::nonNull).toList()));
    }

    /** StoreChanged payload; null for the other types of the topic (claimed, no effect). */
    private StoreChanged decode(InboundEvent event) {
        if (!EventType.STORE_CHANGED.type().equals(event.type())) {
            return null;
        }
        StoreChanged change = event.data(mapper, StoreChanged.class);
        if (change.storeId() <= 0 || change.name() == null || change.name().isBlank() || change.status() == null
                || change.changedAt() == null) {
            throw new PoisonEventException("StoreChanged without store_id, name, status or changed_at");
        }
        return change;
    }
}
