package io.rotation.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.rotation.contracts.EventType;
import io.rotation.contracts.identity.UserErased;
import io.rotation.platform.event.OutboundEvent;
import io.rotation.platform.testsupport.ScratchSchema;
import io.rotation.platform.testsupport.Tracing;
import io.vertx.mutiny.sqlclient.Pool;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outbox row keeps the trace context of the transaction that wrote it (real Postgres, a scratch schema). */
class OutboxTraceContextTest {

    private final Tracing tracing = new Tracing();
    private final Outbox outbox = new Outbox(new ObjectMapper().findAndRegisterModules());
    private ScratchSchema schema;
    private Pool pool;

    @BeforeEach
    void open() {
        schema = new ScratchSchema();
        pool = schema.pool(2);
    }

    @AfterEach
    void close() {
        schema.close();
    }

    @Test
    void storesTheW3cTraceContextCurrentWhenTheEventsWereWritten() {
        Span request = tracing.tracer().spanBuilder("POST /api/v1/plays/batch").startSpan();
        write(request, event(7), event(8));
        request.end();

        String expected = "00-" + request.getSpanContext().getTraceId() + "-" + request.getSpanContext().getSpanId()
                + "-01";
        assertThat(schema.rows("select traceparent, tracestate from outbox_event order by id"))
                .hasSize(2).allSatisfy(row -> assertThat(row).containsEntry("traceparent", expected)
                        .containsEntry("tracestate", null));
    }

    @Test
    void storesNoContextWhenTheWriterHasNoTrace() {
        write(Span.getInvalid(), event(9));

        assertThat(schema.rows("select traceparent from outbox_event")).singleElement()
                .satisfies(row -> assertThat(row.get("traceparent")).isNull());
    }

    /**
     * Appends as a service does: in a transaction on a duplicated Vert.x context where the request's span
     * is current (Quarkus keeps it there for the whole request).
     */
    private void write(Span current, OutboundEvent... events) {
        schema.onDuplicatedContext(() -> {
            Scope request = current.makeCurrent();
            return pool.withTransaction(connection -> outbox.append(connection, List.of(events)))
                    .onTermination().invoke(request::close);
        }, Duration.ofSeconds(30));
    }

    private static OutboundEvent event(long userId) {
        return new OutboundEvent(UUID.randomUUID(), EventType.USER_ERASED, String.valueOf(userId), Instant.now(),
                new UserErased(userId, Instant.now()));
    }
}
