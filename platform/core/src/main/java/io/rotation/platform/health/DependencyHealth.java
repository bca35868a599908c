package io.rotation.platform.health;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.scheduler.Scheduled;
import io.rotation.platform.kafka.KafkaAdmin;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Kafka and Redis, reported but never a reason to leave the Service: writes go on into the outbox
 * while Kafka is away, and Redis down is slower, not broken. Readiness therefore rests on the
 * database alone (the reactive Postgres check); this check is always UP and says in its data what
 * the last probe of each dependency found, which {@code rotation_dependency_up{dependency}} also
 * exports. Probes run in the background every few seconds, so a readiness call never waits on them.
 */
@Readiness
@ApplicationScoped
public class DependencyHealth implements HealthCheck {

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(5);

    private final ReactiveRedisDataSource redis;
    private final KafkaAdmin kafka;
    private final AtomicInteger kafkaUp = new AtomicInteger();
    private final AtomicInteger redisUp = new AtomicInteger();
    private volatile String kafkaState = "UNKNOWN: not probed yet";
    private volatile String redisState = "UNKNOWN: not probed yet";

    public DependencyHealth(ReactiveRedisDataSource redis, KafkaAdmin kafka, MeterRegistry registry) {
        this.redis = redis;
        this.kafka = kafka;
        Gauge.builder("rotation.dependency.up", kafkaUp, AtomicInteger::get).tag("dependency", "kafka")
                .description("1 when the dependency answered the last health probe").register(registry);
        Gauge.builder("rotation.dependency.up", redisUp, AtomicInteger::get).tag("dependency", "redis")
                .description("1 when the dependency answered the last health probe").register(registry);
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("dependencies (reported, not required)").up()
                .withData("kafka", kafkaState).withData("redis", redisState).build();
    }

    @Scheduled(every = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> probe() {
        Uni<String> broker = probe(Uni.createFrom().completionStage(() -> kafka.admin().describeCluster(
                        new DescribeClusterOptions().timeoutMs((int) PROBE_TIMEOUT.toMillis())).clusterId()
                        .toCompletionStage()).runSubscriptionOn(Infrastructure.getDefaultWorkerPool()), kafkaUp)
                .invoke(state -> kafkaState = state);
        Uni<String> cache = probe(redis.execute("PING"), redisUp).invoke(state -> redisState = state);
        return Uni.combine().all().unis(broker, cache).discardItems();
    }

    private static Uni<String> probe(Uni<?> call, AtomicInteger up) {
        return call.ifNoItem().after(PROBE_TIMEOUT).fail()
                .map(ignored -> {
                    up.set(1);
                    return "UP";
                })
                .onFailure().recoverWithItem(e -> {
                    up.set(0);
                    return "DOWN: " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : " " + e.getMessage());
                });
    }
}
