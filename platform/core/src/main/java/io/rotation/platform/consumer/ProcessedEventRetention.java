package io.rotation.platform.consumer;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Forgets claimed event ids once no redelivery can bring them back: consumers commit their offsets
 * seconds after the claim, so only a deliberate offset reset older than the retention (30 days by
 * default, longer than any topic's redelivery window in practice) could replay one. Deletes in
 * batches so that a large backlog never holds a long lock; every replica may run it.
 */
@ApplicationScoped
public class ProcessedEventRetention {

    private static final Logger LOG = Logger.getLogger(ProcessedEventRetention.class);
    private static final int BATCH = 10_000;

    private final Pool pool;
    private final Duration retention;

    public ProcessedEventRetention(Pool pool,
                                   @ConfigProperty(name = "rotation.consumer.processed-event-retention",
                                           defaultValue = "P30D") Duration retention) {
        this.pool = pool;
        this.retention = retention;
    }

    @Scheduled(every = "6h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return forgetExpired().invoke(n -> {
            if (n > 0) {
                LOG.infof("forgot %d processed event ids older than %s", n, retention);
            }
        }).onFailure().invoke(e -> LOG.warnf("processed_event retention failed: %s", e.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Deletes the ids claimed longer ago than the retention; returns how many. */
    public Uni<Long> forgetExpired() {
        return deleteBatch().chain(n -> n < BATCH ? Uni.createFrom().item((long) n)
                : forgetExpired().map(rest -> rest + n));
    }

    private Uni<Integer> deleteBatch() {
        return pool.preparedQuery("""
                        delete from processed_event where ctid = any (array(
                            select ctid from processed_event
                            where processed_at < now() - make_interval(secs => $1) limit $2))""")
                .execute(Tuple.of((double) retention.toSeconds(), BATCH))
                .map(rows -> rows.rowCount());
    }
}
