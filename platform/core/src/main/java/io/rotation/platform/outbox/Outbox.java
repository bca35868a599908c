package io.rotation.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rotation.platform.event.OutboundEvent;
import io.rotation.platform.tracing.TraceParent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * Writes events into the service's {@code outbox_event} table on the caller's connection, so that
 * they commit (or roll back) together with the state change they announce. {@link OutboxRelay}
 * publishes them afterwards. Each row keeps the W3C trace context current when it was written (the
 * request's or the consumed event's span), so that the relay and the consumers continue that trace.
 */
@ApplicationScoped
public class Outbox {

    /** The type of this service's {@code outbox_event.payload} column. */
    public enum PayloadColumn {
        /** The platform's table as created: Postgres parses (and checks) every payload on insert. */
        JSONB("$5::text[]::jsonb[]"),
        /** A service whose payloads are large and never queried into stores the serialised JSON as is. */
        TEXT("$5::text[]");

        private final String payloads;

        PayloadColumn(String payloads) {
            this.payloads = payloads;
        }
    }

    private final ObjectMapper mapper;
    private final String insert;

    /** An outbox whose payload column is jsonb (the platform's table as created). */
    public Outbox(ObjectMapper mapper) {
        this(mapper, PayloadColumn.JSONB);
    }

    @Inject
    public Outbox(ObjectMapper mapper, OutboxConfig config) {
        this(mapper, config.payloadColumn());
    }

    public Outbox(ObjectMapper mapper, PayloadColumn payloadColumn) {
        this.mapper = mapper;
        this.insert = """
                insert into outbox_event (event_id, topic, event_type, message_key, payload, occurred_at,
                                          traceparent, tracestate)
                select e.*, $7::text, $8::text
                from unnest($1::uuid[], $2::text[], $3::text[], $4::text[], %s, $6::timestamptz[]) as e
                """.formatted(payloadColumn.payloads);
    }

    public Uni<Void> append(SqlConnection connection, List<OutboundEvent> events) {
        if (events.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = events.size();
        UUID[] ids = new UUID[n];
        String[] topics = new String[n];
        String[] types = new String[n];
        String[] keys = new String[n];
        String[] payloads = new String[n];
        OffsetDateTime[] times = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            OutboundEvent e = events.get(i);
            ids[i] = e.id();
            topics[i] = e.type().topic();
            types[i] = e.type().type();
            keys[i] = e.key();
            payloads[i] = json(e.payload());
            times[i] = e.time().atOffset(ZoneOffset.UTC);
        }
        TraceParent trace = TraceParent.current();
        return connection.preparedQuery(insert)
                .execute(Tuple.tuple(List.of(ids, topics, types, keys, payloads, times))
                        .addString(trace.traceparent()).addString(trace.tracestate()))
                .replaceWithVoid();
    }

    public Uni<Void> append(SqlConnection connection, OutboundEvent event) {
        return append(connection, List.of(event));
    }

    private String json(Record payload) {
        try {
            return mapper.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + payload.getClass().getSimpleName(), e);
        }
    }
}
