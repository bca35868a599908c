package io.rotation.matching.candidate.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Search results kept as match candidates live an hour ({@code expires_at}); this job deletes the
 * expired ones through {@code cleanup_expired_candidates()}. Every replica may run it: the delete is
 * idempotent, and a skipped run only leaves rows a little longer.
 */
@ApplicationScoped
public class ExpiredCandidateCleanup {

    private static final Logger LOG = Logger.getLogger(ExpiredCandidateCleanup.class);

    private final Pool pool;
    private final Counter deleted;

    public ExpiredCandidateCleanup(Pool pool, MeterRegistry registry) {
        this.pool = pool;
        this.deleted = Counter.builder("rotation.matching.candidates.expired.deleted")
                .description("Expired match candidates deleted by the cleanup job").register(registry);
    }

    @Scheduled(every = "${rotation.matching.candidate-cleanup.every:10m}", delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return cleanUp().onFailure().invoke(e -> LOG.warnf("expired candidate cleanup failed: %s", e.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Deletes the expired candidates now; returns how many. */
    public Uni<Integer> cleanUp() {
        return pool.query("select cleanup_expired_candidates() as deleted").execute()
                .map(rows -> rows.iterator().next().getInteger("deleted"))
                .invoke(n -> {
                    deleted.increment(n);
                    if (n > 0) {
                        LOG.infof("deleted %d expired match candidates", n);
                    }
                });
    }
}
