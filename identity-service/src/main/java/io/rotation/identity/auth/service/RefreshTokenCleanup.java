package io.rotation.identity.auth.service;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Deletes refresh tokens that expired or were revoked longer than the grace period ago, in small
 * batches so that no statement holds many row locks. Such a token answers 401 whether its row is
 * there or not; the grace keeps recent ones for looking into a revoked family. Used tokens of a
 * live family stay until they expire: their reuse is what revokes the family.
 */
@ApplicationScoped
public class RefreshTokenCleanup {

    private static final Logger LOG = Logger.getLogger(RefreshTokenCleanup.class);

    private static final String DELETE_BATCH = """
            delete from refresh_tokens where id in (
                select id from refresh_tokens
                where expires_at < now() - make_interval(secs => $1)
                   or revoked_at < now() - make_interval(secs => $1)
                limit $2
                for update skip locked)""";

    private final Pool pool;
    private final Duration grace;
    private final int batchSize;

    public RefreshTokenCleanup(Pool pool,
                               @ConfigProperty(name = "rotation.refresh-tokens.cleanup-grace") Duration grace,
                               @ConfigProperty(name = "rotation.refresh-tokens.cleanup-batch-size") int batchSize) {
        this.pool = pool;
        this.grace = grace;
        this.batchSize = batchSize;
    }

    @Scheduled(identity = "refresh-token-cleanup", every = "${rotation.refresh-tokens.cleanup-every}",
            delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return deleteExpired().invoke(n -> {
            if (n > 0) {
                LOG.infof("deleted %d expired or revoked refresh tokens", n);
            }
        }).replaceWithVoid();
    }

    /** Deletes every token past the grace period, batch after batch; answers how many. */
    public Uni<Long> deleteExpired() {
        return deleteBatches(0);
    }

    private Uni<Long> deleteBatches(long deletedSoFar) {
        return pool.preparedQuery(DELETE_BATCH).execute(Tuple.of((double) grace.toSeconds(), batchSize))
                .chain(rows -> {
                    long total = deletedSoFar + rows.rowCount();
                    return rows.rowCount() < batchSize ? Uni.createFrom().item(total) : deleteBatches(total);
                });
    }
}
