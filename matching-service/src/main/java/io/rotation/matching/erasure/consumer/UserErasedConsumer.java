package io.rotation.matching.erasure.consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rotation.contracts.EventType;
import io.rotation.contracts.identity.UserErased;
import io.rotation.matching.erasure.service.UserErasureService;
import io.rotation.platform.consumer.IdempotentConsumer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** UserErased from identity: the user anonymised in matching exactly once (UserRegistered skipped by type). */
@ApplicationScoped
public class UserErasedConsumer {

    static final String CONSUMER = "matching.user-erased";

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
        return consumer.consume(records, CONSUMER, EventType.USER_ERASED,
                event -> event.data(mapper, UserErased.class), IdempotentConsumer.eachInTurn(erasure::erase));
    }
}
