package io.rotation.analytics.performance.consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rotation.analytics.performance.repository.PerformanceRepository;
import io.rotation.contracts.EventType;
import io.rotation.contracts.performance.PerformanceReported;
import io.rotation.platform.consumer.IdempotentConsumer;
import io.rotation.platform.event.InboundEvent;
import io.rotation.platform.event.PoisonEventException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Every service's PerformanceReported, into performance_metrics (a row per endpoint), once per report. */
@ApplicationScoped
public class PerformanceReportedConsumer {

    static final String CONSUMER = "analytics.performance";

    /** performance_metrics is partitioned by day: a far-future report is parked on the DLQ. */
    static final Duration MAX_CLOCK_SKEW = Duration.ofDays(1);

    private final IdempotentConsumer consumer;
    private final PerformanceRepository performance;
    private final ObjectMapper mapper;

    public PerformanceReportedConsumer(IdempotentConsumer consumer, PerformanceRepository performance,
                                       ObjectMapper mapper) {
        this.consumer = consumer;
        this.performance = performance;
        this.mapper = mapper;
    }

    @Incoming("performance")
    public Uni<Void> consume(ConsumerRecords<String, byte[]> records) {
        return consumer.consume(records, CONSUMER, this::decode, (connection, reports) ->
                performance.insert(connection, reports.stream().map(d -> d.payload()).toList()));
    }

    private PerformanceReported decode(InboundEvent event) {
        if (!EventType.PERFORMANCE_REPORTED.type().equals(event.type())) {
            throw new PoisonEventException("unexpected event type " + event.type());
        }
        PerformanceReported r = event.data(mapper, PerformanceReported.class);
        if (r.service() == null || r.service().isBlank() || r.windowStart() == null || r.windowEnd() == null
                || r.endpoints() == null || r.windowStart().isAfter(r.windowEnd())) {
            throw new PoisonEventException("PerformanceReported without service, window or endpoints");
        }
        if (r.windowEnd().isAfter(Instant.now().plus(MAX_CLOCK_SKEW))) {
            throw new PoisonEventException("PerformanceReported window_end " + r.windowEnd() + " is in the future");
        }
        for (var e : r.endpoints()) {
            if (e.method() == null || !e.method().matches("[A-Z]{1,16}") || e.endpoint() == null
                    || e.endpoint().isBlank() || e.requests() <= 0 || e.requests() > Integer.MAX_VALUE
                    || e.serverErrors() < 0 || e.clientErrors() < 0 || e.serverErrors() > e.requests()
                    || e.clientErrors() > e.requests() || e.meanMs() < 0) {
                throw new PoisonEventException("PerformanceReported endpoint out of range: " + e.method() + " "
                        + e.endpoint());
            }
        }
        return r;
    }
}
