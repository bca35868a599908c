package io.rotation.analytics.jobs.service;

import io.quarkus.scheduler.Scheduled;
import io.rotation.analytics.jobs.repository.RetentionRepository;
import io.rotation.analytics.similarity.service.SimilarityService;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * analytics' nightly jobs: yesterday's plays rolled into daily_metrics by
 * {@code aggregate_daily_metrics} (so totals are recounted from usage_metrics even if a consumer
 * increment was ever lost), and retention by {@code cleanup_old_analytics_data}. Each run is a row
 * in {@code jobs} whose idempotency key names the job and its day: whichever replica inserts it
 * runs the job, the others see the key taken and skip. A run that failed, or that still says
 * running long after it started (its process was killed), is taken over by a later run: the hourly
 * catch-up re-runs the day's jobs, up to the job's max_attempts. A nightly run does not heartbeat, so it
 * has its own staleness ({@code rotation.analytics.maintenance.stale-after}), far longer than a dispatched
 * job's. content_similarity is recounted for every record nightly (the consumers keep it current in between).
 */
@ApplicationScoped
public class MaintenanceJobs {

    private static final Logger LOG = Logger.getLogger(MaintenanceJobs.class);
    private static final String SERVICE = "analytics-service";

    private final Pool pool;
    private final Duration staleAfter;
    private final SimilarityService similarity;
    private final AnalyticsRetention retention;
    private final RetentionRepository retentionRows;

    public MaintenanceJobs(Pool pool, @ConfigProperty(name = "rotation.analytics.maintenance.stale-after",
            defaultValue = "PT2H") Duration staleAfter, SimilarityService similarity, AnalyticsRetention retention,
                           RetentionRepository retentionRows) {
        this.pool = pool;
        this.staleAfter = staleAfter;
        this.similarity = similarity;
        this.retention = retention;
        this.retentionRows = retentionRows;
    }

    @Scheduled(cron = "0 15 0 * * ?", timeZone = "UTC", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> nightlyAggregation() {
        return quietly(aggregateDay(LocalDate.now(ZoneOffset.UTC).minusDays(1)));
    }

    @Scheduled(cron = "0 30 3 * * ?", timeZone = "UTC", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> nightlyCleanup() {
        return quietly(cleanUp(LocalDate.now(ZoneOffset.UTC)));
    }

    @Scheduled(cron = "0 45 2 * * ?", timeZone = "UTC", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> nightlySimilarity() {
        return quietly(recountSimilarity(LocalDate.now(ZoneOffset.UTC)));
    }

    /** Takes over the day's runs that failed or were killed, and runs any a down replica missed. */
    @Scheduled(every = "1h", delayed = "20m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> catchUp() {
        LocalDateTime now = LocalDateTime.now(ZoneOffset.UTC);
        Uni<?> aggregation = quietly(aggregateDay(now.toLocalDate().minusDays(1)));
        Uni<?> similarities = now.toLocalTime().isBefore(LocalTime.of(2, 45)) ? aggregation
                : aggregation.chain(() -> quietly(recountSimilarity(now.toLocalDate())));
        return now.toLocalTime().isBefore(LocalTime.of(3, 30)) ? similarities.replaceWithVoid()
                : similarities.chain(() -> quietly(cleanUp(now.toLocalDate())));
    }

    /** Recounts one UTC day into daily_metrics; empty when that day's run completed, runs or gave up. */
    public Uni<Optional<Long>> aggregateDay(LocalDate day) {
        return run("metrics_aggregation", day, new JsonObject().put("metric_date", day.toString()),
                c -> c.preparedQuery("select aggregate_daily_metrics($1) as written").execute(Tuple.of(day))
                        .map(rows -> new JsonObject().put("rows_written", rows.iterator().next().getInteger("written"))));
    }

    /**
     * Recounts content_similarity for every record, once per day (a run still going is not started twice,
     * by this replica or another); empty when that day's run completed, runs or gave up.
     */
    public Uni<Optional<Long>> recountSimilarity(LocalDate day) {
        return run("content_similarity", day, new JsonObject(), c -> similarity.recountAll(c).map(written -> {
            JsonObject rows = new JsonObject();
            written.forEach((kind, n) -> rows.put(kind, n));
            return new JsonObject().put("rows_written", rows);
        }));
    }

    /** Deletes analytics data past retention, once per day; empty when that day's run completed, runs or gave up. */
    public Uni<Optional<Long>> cleanUp(LocalDate day) {
        int months = retention.months();
        return run("analytics_cleanup", day, new JsonObject().put("retention_months", months),
                c -> retentionRows.deletePastRetention(c, months).map(deleted -> new JsonObject().put("rows_deleted", deleted)));
    }

    private Uni<Optional<Long>> run(String type, LocalDate day, JsonObject parameters,
                                    Function<io.vertx.mutiny.sqlclient.SqlConnection, Uni<JsonObject>> work) {
        String key = type + ":" + day;
        return pool.preparedQuery("""
                        insert into jobs (job_type, status, owner_service, parameters, idempotency_key,
                                          started_at, heartbeat_at, attempts, worker_id)
                        values ($1::job_type, 'running', $2, $3, $4, now(), now(), 1, $5)
                        on conflict (idempotency_key) do update set status = 'running', started_at = now(),
                            heartbeat_at = now(), attempts = jobs.attempts + 1, worker_id = excluded.worker_id,
                            error_message = null, completed_at = null, result = null
                        where jobs.attempts < jobs.max_attempts
                          and (jobs.status = 'failed' or (jobs.status = 'running'
                               and coalesce(jobs.heartbeat_at, jobs.started_at) < now() - make_interval(secs => $6)))
                        returning id""")
                .execute(Tuple.of(type, SERVICE, parameters, key, workerId(), (double) staleAfter.toSeconds()))
                .chain(inserted -> {
                    if (!inserted.iterator().hasNext()) {
                        LOG.debugf("%s already ran, runs elsewhere or used up its attempts", key);
                        return Uni.createFrom().item(Optional.<Long>empty());
                    }
                    long id = inserted.iterator().next().getLong("id");
                    return pool.withTransaction(work::apply)
                            .chain(result -> finish(id, "completed", result, null))
                            .onFailure().recoverWithUni(e -> finish(id, "failed", null, e.getMessage())
                                    .invoke(() -> LOG.warnf("%s failed: %s", key, e.toString())))
                            .replaceWith(Optional.of(id));
                });
    }

    private Uni<RowSet<Row>> finish(long id, String status, JsonObject result, String error) {
        return pool.preparedQuery("""
                        update jobs set status = $2::job_status, result = $3, error_message = $4, completed_at = now(),
                               progress_percent = case when $2 = 'completed' then 100 else progress_percent end
                        where id = $1""")
                .execute(Tuple.of(id, status, result, error));
    }

    private static Uni<Void> quietly(Uni<?> job) {
        return job.onFailure().invoke(e -> LOG.warnf("maintenance job failed: %s", e.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    private static String workerId() {
        return SERVICE + "@" + ProcessHandle.current().pid();
    }
}
