package io.rotation.platform.consumer;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Forgets claimed event ids once their topic can no longer redeliver them: each claim carries
 * {@code retain_until}, the claim time plus the topic's retention as the broker reported it (null
 * for topics kept forever, such as identity's, whose claims stay: a new consumer group reading from
 * the earliest offset must not re-run an erasure). Deletes in batches so that a large backlog never
 * holds a long lock; every replica may run it.
 */
@ApplicationScoped
public class ProcessedEventRetention {

    private static final Logger LOG = Logger.getLogger(ProcessedEventRetention.class);
    private static final int BATCH = 10_000;

    private final Pool pool;

    public ProcessedEventRetention(Pool pool) {
        this.pool = pool;
    }

    @Scheduled(every = "6h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return forgetExpired().invoke(n -> {
            if (n > 0) {
                LOG.infof("forgot %d processed event ids past their topic's retention", n);
            }
        }).onFailure().invoke(e -> LOG.warnf("processed_event retention failed: %s", e.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Deletes the claims whose topic no longer holds their message; returns how many. */
    public Uni<Long> forgetExpired() {
        return deleteBatch().chain(n -> n < BATCH ? Uni.createFrom().item((long) n)
                : forgetExpired().map(rest -> rest + n));
    }

    private Uni<Integer> deleteBatch() {
        return pool.preparedQuery("""
                        delete from processed_event where ctid = any (array(
                            select ctid from processed_event where retain_until < now() limit $1))""")
                .execute(Tuple.of(BATCH))
                .map(rows -> rows.rowCount());
    }
}
