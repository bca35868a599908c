package io.rotation.platform.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rotation.contracts.EventType;
import io.rotation.contracts.export.UserExportPartReady;
import io.rotation.contracts.export.UserExportRequested;
import io.rotation.platform.consumer.IdempotentConsumer;
import io.rotation.platform.event.InboundEvent;
import io.rotation.platform.event.OutboundEvent;
import io.rotation.platform.event.PoisonEventException;
import io.rotation.platform.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A service's answer to GDPR export requests (UserExportRequested): its part, a JSON object its
 * repository builds from its own schema, announced as UserExportPartReady through the outbox on the
 * transaction that claims the request, so that each request is answered exactly once. A service's
 * export consumer hands its records here with the function that builds its part. Parts travel
 * through Kafka: a repository keeps its part well under the broker's message limit (1 MB by default).
 */
@ApplicationScoped
public class ExportParts {

    private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {
    };

    private final IdempotentConsumer consumer;
    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final String service;

    public ExportParts(IdempotentConsumer consumer, Outbox outbox, ObjectMapper mapper,
                       @ConfigProperty(name = "quarkus.application.name") String service) {
        this.consumer = consumer;
        this.outbox = outbox;
        this.mapper = mapper;
        this.service = service;
    }

    /**
     * Answers each fresh request in the batch.
     *
     * @param consumerName the name the requests are claimed under in processed_event
     * @param partOf       builds the part of a user ({@code userId}) as a JSON object, on the given connection
     */
    public Uni<Void> answer(ConsumerRecords<String, byte[]> records, String consumerName,
                            BiFunction<SqlConnection, Long, Uni<String>> partOf) {
        return consumer.consume(records, consumerName, EventType.USER_EXPORT_REQUESTED, this::decode,
                IdempotentConsumer.eachInTurn((connection, request) -> partOf.apply(connection,
                        request.payload().userId()).chain(json -> answer(connection, request.payload(), json))));
    }

    private UserExportRequested decode(InboundEvent event) {
        UserExportRequested request = event.data(mapper, UserExportRequested.class);
        if (request.userId() <= 0 || request.exportId() == null || request.exportId().isBlank()) {
            throw new PoisonEventException("UserExportRequested without user_id or export_id");
        }
        return request;
    }

    private Uni<Void> answer(SqlConnection connection, UserExportRequested request, String json) {
        Map<String, Object> data;
        try {
            data = mapper.readValue(json, OBJECT);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the export part of " + service + " is not a JSON object", e);
        }
        return outbox.append(connection, OutboundEvent.of(EventType.USER_EXPORT_PART_READY, request.userId(),
                new UserExportPartReady(request.exportId(), request.userId(), service, data, Instant.now())));
    }
}
