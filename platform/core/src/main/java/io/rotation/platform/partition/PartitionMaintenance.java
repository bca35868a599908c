package io.rotation.platform.partition;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Keeps this service's time-partitioned tables (registered in {@code time_partitioned_table})
 * supplied with partitions ahead of time and drops those past their retention: at start-up and
 * every hour. Replicas take turns (a transaction-level advisory lock; a replica that finds it taken
 * skips, the other is doing the work), the DDL waits at most {@code lock_timeout} for a busy
 * table, and a failure is logged, never fatal: partitions are made months ahead and a default
 * partition catches any row meanwhile, so the next hourly run catches up.
 */
@ApplicationScoped
public class PartitionMaintenance {

    private static final Logger LOG = Logger.getLogger(PartitionMaintenance.class);
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(30);

    private final Pool pool;

    public PartitionMaintenance(Pool pool) {
        this.pool = pool;
    }

    void atStartup(@Observes StartupEvent event) {
        try {
            maintain().await().atMost(STARTUP_WAIT);
        } catch (RuntimeException e) {
            LOG.warnf("partition maintenance at start-up failed, the hourly run will retry: %s", e.toString());
        }
    }

    @Scheduled(every = "1h", delayed = "1h", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> hourly() {
        return maintain().onFailure().invoke(e -> LOG.warnf("partition maintenance failed: %s", e.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /**
     * Runs {@code maintain_time_partitions()} unless another replica is running it; logs what it
     * created and dropped. @return whether this replica ran it
     */
    public Uni<Boolean> maintain() {
        return pool.withTransaction(c -> c.query("set local lock_timeout = '5s'").execute()
                .chain(() -> c.query("select pg_try_advisory_xact_lock(hashtext(current_schema() || '.partitions'))")
                        .execute())
                .chain(lock -> {
                    if (!lock.iterator().next().getBoolean(0)) {
                        LOG.debug("partition maintenance runs on another replica");
                        return Uni.createFrom().item(false);
                    }
                    return c.query("select * from maintain_time_partitions()").execute().invoke(rows -> {
                        for (Row row : rows) {
                            if (row.getInteger("created") > 0 || row.getInteger("dropped") > 0) {
                                LOG.infof("partitions of %s: %d created, %d dropped past retention",
                                        row.getString("table_name"), row.getInteger("created"),
                                        row.getInteger("dropped"));
                            }
                        }
                    }).replaceWith(true);
                }));
    }
}
