package io.rotation.analytics.erasure.consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rotation.analytics.erasure.service.UserErasureService;
import io.rotation.contracts.EventType;
import io.rotation.contracts.identity.UserErased;
import io.rotation.platform.consumer.IdempotentConsumer;
import io.rotation.platform.consumer.IdempotentConsumer.Decoded;
import io.rotation.platform.event.InboundEvent;
import io.rotation.platform.event.PoisonEventException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * UserErased from identity: what analytics holds of the user is erased (or anonymised) exactly once. The users topic also
 * carries UserRegistered, which this consumer has no use for: it decodes to nothing and is skipped.
 */
@ApplicationScoped
public class UserErasedConsumer {

    /** The name this consumer claims event ids under in processed_event. */
    static final String CONSUMER = "analytics.user-erased";

    private final IdempotentConsumer consumer;
    private final UserErasureService erasure;
    private final ObjectMapper mapper;

    public UserErasedConsumer(IdempotentConsumer consumer, UserErasureService erasure, ObjectMapper mapper) {
        this.consumer = consumer;
        this.erasure = erasure;
        this.mapper = mapper;
    }

    @Incoming("identity-users")
    public Uni<Void> consume(ConsumerRecords<String, byte[]> records) {
        return consumer.consume(records, CONSUMER, this::decode, (connection, events) -> {
            List<Decoded<UserErased>> erasures = events.stream().filter(d -> d.payload() != null).toList();
            return erasures.isEmpty() ? Uni.createFrom().voidItem() : erasure.erase(connection, erasures);
        });
    }

    /** @return the erasure, or null for the topic's other event types (skipped, not dead-lettered) */
    private UserErased decode(InboundEvent event) {
        if (!EventType.USER_ERASED.type().equals(event.type())) {
            return null;
        }
        UserErased erased = event.data(mapper, UserErased.class);
        if (erased.userId() <= 0) {
            throw new PoisonEventException("UserErased without a user id");
        }
        return erased;
    }
}
