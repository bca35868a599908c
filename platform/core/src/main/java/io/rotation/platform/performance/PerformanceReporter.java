package io.rotation.platform.performance;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.quarkus.scheduler.Scheduled;
import io.rotation.contracts.EventType;
import io.rotation.contracts.performance.PerformanceReported;
import io.rotation.platform.event.OutboundEvent;
import io.rotation.platform.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Every service's API timings, once a minute ({@code rotation.performance.report-every}, {@code off} to stop;
 * off in tests): the endpoints called since the last report ({@link EndpointTimings}) as one
 * PerformanceReported event (key = service) through the outbox, which analytics stores in performance_metrics.
 * <p>
 * Why an event through the outbox rather than writes into analytics: services never touch another's schema,
 * the relay is the suite's one way out to Kafka (a Kafka outage delays reports instead of losing them), and
 * analytics stores each report once through its idempotent consumer, like every other event.
 */
@ApplicationScoped
public class PerformanceReporter {

    private static final Logger LOG = Logger.getLogger(PerformanceReporter.class);

    private final EndpointTimings timings;
    private final Pool pool;
    private final Outbox outbox;
    private final String service;
    private final String instance = UUID.randomUUID().toString();
    private Instant windowStart = Instant.now();

    public PerformanceReporter(MeterRegistry registry, Pool pool, Outbox outbox,
                               @ConfigProperty(name = "quarkus.application.name") String service) {
        this.timings = new EndpointTimings(registry);
        this.pool = pool;
        this.outbox = outbox;
        this.service = service;
    }

    /** p50/p95/p99 of the HTTP server timer, which the reports read. */
    @Produces
    @Singleton
    static MeterFilter apiPercentiles() {
        return EndpointTimings.percentiles();
    }

    @Scheduled(every = "${rotation.performance.report-every:60s}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return report().onFailure().recoverWithItem(e -> {
            LOG.warnf("performance report failed: %s", e.toString());
            return null;
        }).replaceWithVoid();
    }

    /**
     * Reports the endpoints called since the previous report; nothing when none was.
     *
     * @return the report sent, or null
     */
    public synchronized Uni<PerformanceReported> report() {
        Instant end = Instant.now();
        var endpoints = timings.sinceLastCall();
        Instant start = windowStart;
        windowStart = end;
        if (endpoints.isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        PerformanceReported report = new PerformanceReported(service, instance, start, end, endpoints);
        return pool.withTransaction(c -> outbox.append(c, OutboundEvent.of(EventType.PERFORMANCE_REPORTED, service,
                report))).replaceWith(report);
    }
}
