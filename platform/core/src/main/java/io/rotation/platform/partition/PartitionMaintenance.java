package io.rotation.platform.partition;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Keeps this service's time-partitioned tables (registered in {@code time_partitioned_table})
 * supplied with partitions ahead of time and drops those past their retention: at start-up and
 * every hour. Runs on every replica; the SQL is idempotent.
 */
@ApplicationScoped
public class PartitionMaintenance {

    private static final Logger LOG = Logger.getLogger(PartitionMaintenance.class);

    private final Pool pool;

    public PartitionMaintenance(Pool pool) {
        this.pool = pool;
    }

    void atStartup(@Observes StartupEvent event) {
        maintain().await().indefinitely();
    }

    @Scheduled(every = "1h", delayed = "1h", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> hourly() {
        return maintain().onFailure().invoke(e -> LOG.warnf("partition maintenance failed: %s", e.toString()));
    }

    /** Runs {@code maintain_time_partitions()}; logs what it created and dropped. */
    public Uni<Void> maintain() {
        return pool.query("select * from maintain_time_partitions()").execute().invoke(rows -> {
            for (Row row : rows) {
                if (row.getInteger("created") > 0 || row.getInteger("dropped") > 0) {
                    LOG.infof("partitions of %s: %d created, %d dropped past retention",
                            row.getString("table_name"), row.getInteger("created"), row.getInteger("dropped"));
                }
            }
        }).replaceWithVoid();
    }
}
