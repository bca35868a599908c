package io.rotation.analytics.jobs.handler;

import io.rotation.analytics.jobs.repository.RetentionRepository;
import io.rotation.analytics.jobs.service.AnalyticsRetention;
import io.rotation.platform.jobs.JobContext;
import io.rotation.platform.jobs.JobHandler;
import io.rotation.platform.jobs.JobLevel;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;

/** {@code analytics_cleanup} on demand: retention by {@code cleanup_old_analytics_data} ({@link AnalyticsRetention}), then partitions. */
@ApplicationScoped
public class AnalyticsCleanupJob implements JobHandler {

    private static final Duration TIMEOUT = Duration.ofMinutes(30);

    private final Pool pool;
    private final AnalyticsRetention retention;
    private final RetentionRepository retentionRows;

    public AnalyticsCleanupJob(Pool pool, AnalyticsRetention retention, RetentionRepository retentionRows) {
        this.pool = pool;
        this.retention = retention;
        this.retentionRows = retentionRows;
    }

    @Override
    public String jobType() {
        return "analytics_cleanup";
    }

    @Override
    public Map<String, Object> run(JobContext job) {
        job.progress(0, 2L);
        int deleted = retentionRows.deletePastRetention(pool, retention.months()).await().atMost(TIMEOUT);
        job.log(JobLevel.INFO, deleted + " rows past retention deleted");
        job.progress(1, 2L);
        int dropped = 0;
        for (var row : pool.query("select coalesce(sum(dropped), 0)::int as dropped from maintain_time_partitions()")
                .execute().await().atMost(TIMEOUT)) {
            dropped = row.getInteger("dropped");
        }
        job.log(JobLevel.INFO, dropped + " partitions past retention dropped");
        return Map.of("rows_deleted", deleted, "partitions_dropped", dropped);
    }
}
