package io.rotation.userfeatures.erasure.consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rotation.contracts.EventType;
import io.rotation.contracts.identity.UserErased;
import io.rotation.contracts.identity.UserRegistered;
import io.rotation.platform.consumer.IdempotentConsumer;
import io.rotation.platform.consumer.IdempotentConsumer.Decoded;
import io.rotation.platform.event.InboundEvent;
import io.rotation.platform.event.PoisonEventException;
import io.rotation.userfeatures.erasure.service.UserErasureService;
import io.rotation.userfeatures.projection.repository.ProjectionRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * identity's users topic, exactly once: UserErased erases the user's data here; UserRegistered
 * enters the {@code known_users} projection (users that can be followed).
 */
@ApplicationScoped
public class UserErasedConsumer {

    /** The name this consumer claims event ids under in processed_event. */
    static final String CONSUMER = "user-features.user-erased";

    private final IdempotentConsumer consumer;
    private final UserErasureService erasure;
    private final ProjectionRepository projections;
    private final ObjectMapper mapper;

    public UserErasedConsumer(IdempotentConsumer consumer, UserErasureService erasure,
                              ProjectionRepository projections, ObjectMapper mapper) {
        this.consumer = consumer;
        this.erasure = erasure;
        this.projections = projections;
        this.mapper = mapper;
    }

    @Incoming("identity-users")
    public Uni<Void> consume(ConsumerRecords<String, byte[]> records) {
        return consumer.consume(records, CONSUMER, this::decode, IdempotentConsumer.eachInTurn((connection, event) -> {
            if (event.payload() instanceof UserErased erased) {
                return erasure.erase(connection, new Decoded<>(event.event(), erased));
            }
            if (event.payload() instanceof UserRegistered registered) {
                return projections.insertUser(connection, registered);
            }
            return Uni.createFrom().voidItem();
        }));
    }

    /** UserErased or UserRegistered; null for other types (claimed, no effect). */
    private Record decode(InboundEvent event) {
        if (EventType.USER_ERASED.type().equals(event.type())) {
            return event.data(mapper, UserErased.class);
        }
        if (EventType.USER_REGISTERED.type().equals(event.type())) {
            UserRegistered registered = event.data(mapper, UserRegistered.class);
            if (registered.userId() <= 0 || registered.username() == null) {
                throw new PoisonEventException("UserRegistered without user_id or username");
            }
            return registered;
        }
        return null;
    }
}
