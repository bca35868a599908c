package io.rotation.analytics.jobs.repository;

import io.rotation.analytics.jobs.model.JobLogView;
import io.rotation.analytics.jobs.model.JobView;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** jobs and job_logs: the admin API's reads and writes, the dispatcher's and the progress consumer's. */
@ApplicationScoped
public class JobRepository {

    private final Pool pool;

    public JobRepository(Pool pool) {
        this.pool = pool;
    }

    /** A job in flight as the dispatcher and the progress consumer see it. */
    public record Flight(long id, String type, String status, String ownerService, Map<String, Object> parameters,
                         int attempts, int maxAttempts, Long lastSequence, boolean cancelRequested,
                         Long initiatedBy, String workerId) {

        static Flight of(Row r) {
            JsonObject params = r.getJsonObject("parameters");
            return new Flight(r.getLong("id"), r.getString("job_type"), r.getString("status"),
                    r.getString("owner_service"), params == null ? Map.of() : params.getMap(),
                    r.getInteger("attempts"), r.getInteger("max_attempts"), r.getLong("last_sequence"),
                    r.getValue("cancel_requested_at") != null, r.getLong("initiated_by"), r.getString("worker_id"));
        }
    }

    private static final String FLIGHT = """
            id, job_type::text as job_type, status::text as status, owner_service, parameters, attempts,
            max_attempts, last_sequence, cancel_requested_at, initiated_by, worker_id""";

    /** The outcome of a failed attempt: retried (with when) or over. */
    public record AttemptEnd(String status, int attempts, int maxAttempts, Instant nextRetryAt) {
    }

    public Uni<Long> insert(SqlConnection c, String type, String owner, Map<String, Object> parameters, int priority,
                            Long initiatedBy, int maxAttempts, Long dependsOn) {
        return c.preparedQuery("""
                        insert into jobs (job_type, status, priority, initiated_by, owner_service, parameters,
                                          max_attempts, depends_on_job_id)
                        values ($1::job_type, 'pending', $2, $3, $4, $5, $6, $7) returning id""")
                .execute(Tuple.from(Arrays.asList(type, (short) priority, initiatedBy, owner,
                        new JsonObject(parameters), maxAttempts, dependsOn)))
                .map(rows -> rows.iterator().next().getLong("id"));
    }

    public Uni<Boolean> exists(long id) {
        return pool.preparedQuery("select 1 from jobs where id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() > 0);
    }

    public Uni<JobView> find(long id) {
        return pool.preparedQuery("select " + JobView.COLUMNS + " from jobs where id = $1").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : JobView.of(rows.iterator().next()));
    }

    /** Log lines of a job after {@code afterId}, oldest first. */
    public Uni<List<JobLogView>> logs(long jobId, long afterId, int limit) {
        return pool.preparedQuery("select " + JobLogView.COLUMNS + " " + """
                         from job_logs where job_id = $1 and id > $2 order by id limit $3""")
                .execute(Tuple.of(jobId, afterId, limit))
                .map(rows -> {
                    List<JobLogView> lines = new ArrayList<>();
                    rows.forEach(r -> lines.add(JobLogView.of(r)));
                    return lines;
                });
    }

    /** Newest first, optionally by status and type, below a cursor's id. */
    public Uni<List<JobView>> list(String status, String type, Long beforeId, int limit) {
        return pool.preparedQuery("select " + JobView.COLUMNS + " " + """
                         from jobs
                        where ($1::job_status is null or status = $1::job_status)
                          and ($2::job_type is null or job_type = $2::job_type)
                          and ($3::bigint is null or id < $3)
                        order by id desc limit $4""")
                .execute(Tuple.of(status, type, beforeId, limit))
                .map(rows -> {
                    List<JobView> jobs = new ArrayList<>();
                    rows.forEach(r -> jobs.add(JobView.of(r)));
                    return jobs;
                });
    }

    /**
     * Records an admin's cancellation: a job not out with a runner ends cancelled now; a queued or running
     * one keeps its status until its runner reports. Empty when the job does not exist or has ended.
     */
    public Uni<Flight> requestCancel(SqlConnection c, long id) {
        return c.preparedQuery("update jobs set cancel_requested_at = coalesce(cancel_requested_at, now()), "
                        + "status = case when status in ('pending', 'retrying') then 'cancelled'::job_status "
                        + "else status end, completed_at = case when status in ('pending', 'retrying') "
                        + "then greatest(now(), started_at) else completed_at end, next_retry_at = null "
                        + "where id = $1 and status not in ('completed', 'failed', 'cancelled') returning " + FLIGHT)
                .execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : Flight.of(rows.iterator().next()));
    }

    /** Due jobs whose dependency completed, taken (skip locked) and marked queued with their next attempt. */
    public Uni<List<Flight>> takeDue(SqlConnection c, int limit) {
        return c.preparedQuery("""
                        with due as (
                            select j.id from jobs j
                             where j.status in ('pending', 'retrying')
                               and coalesce(j.next_retry_at, j.scheduled_at) <= now()
                               and j.cancel_requested_at is null
                               and (j.depends_on_job_id is null or exists (
                                    select 1 from jobs d where d.id = j.depends_on_job_id and d.status = 'completed'))
                             order by j.priority desc, j.scheduled_at, j.id
                             limit $1
                               for update of j skip locked)
                        update jobs j set status = 'queued', attempts = j.attempts + 1, heartbeat_at = now(),
                                          next_retry_at = null, worker_id = null
                          from due where j.id = due.id
                        returning j.id, j.job_type::text as job_type, j.status::text as status, j.owner_service,
                                  j.parameters, j.attempts, j.max_attempts, j.last_sequence, j.cancel_requested_at,
                                  j.initiated_by, j.worker_id""")
                .execute(Tuple.of(limit))
                .map(JobRepository::flights);
    }

    /** Pending jobs whose dependency ended without completing fail with it; their ids. */
    public Uni<List<Long>> failOrphans(SqlConnection c) {
        return c.preparedQuery("""
                        update jobs j set status = 'failed', completed_at = now(),
                               error_message = 'depends on job ' || d.id || ', which ended ' || d.status
                          from jobs d
                         where j.depends_on_job_id = d.id and j.status = 'pending'
                           and d.status in ('failed', 'cancelled')
                        returning j.id""")
                .execute()
                .map(rows -> {
                    List<Long> ids = new ArrayList<>();
                    rows.forEach(r -> ids.add(r.getLong("id")));
                    return ids;
                });
    }

    /**
     * Dispatched jobs whose runner went silent: running with no report for {@code staleAfter}, or queued and
     * not picked up within {@code queuedTimeout}. Locked (skip locked) for the caller's transaction.
     */
    public Uni<List<Flight>> lockSilent(SqlConnection c, Duration staleAfter, Duration queuedTimeout, int limit) {
        return c.preparedQuery("select " + FLIGHT + " " + """
                         from jobs
                        where (status = 'running' and last_sequence is not null
                               and heartbeat_at < now() - make_interval(secs => $1))
                           or (status = 'queued' and heartbeat_at < now() - make_interval(secs => $2))
                        order by id limit $3
                          for update skip locked""")
                .execute(Tuple.of(seconds(staleAfter), seconds(queuedTimeout), limit))
                .map(JobRepository::flights);
    }

    /** The job a report names, locked; null when unknown. */
    public Uni<Flight> lock(SqlConnection c, long id) {
        return c.preparedQuery("select " + FLIGHT + " from jobs where id = $1 for update").execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : Flight.of(rows.iterator().next()));
    }

    /** The run a service started itself, by its run key: created at its first report, then locked. */
    public Uni<Flight> lockRun(SqlConnection c, String runKey, String type, String service, String workerId) {
        return c.preparedQuery("""
                        insert into jobs (job_type, status, owner_service, idempotency_key, attempts, max_attempts,
                                          worker_id, heartbeat_at)
                        values ($1::job_type, 'running', $2, $3, 1, 1, $4, now())
                        on conflict (idempotency_key) do nothing""")
                .execute(Tuple.of(type, service, runKey, workerId))
                .chain(() -> c.preparedQuery("select " + FLIGHT + " from jobs where idempotency_key = $1 for update")
                        .execute(Tuple.of(runKey)))
                .map(rows -> Flight.of(rows.iterator().next()));
    }

    /** A running report: progress, heartbeat, worker. */
    public Uni<Void> running(SqlConnection c, long id, long sequence, String workerId, long processed, Long total,
                             Double percent, Instant reportedAt) {
        return c.preparedQuery("""
                        update jobs set status = 'running', last_sequence = $2, worker_id = $3,
                               progress_current = $4::bigint, progress_total = greatest($5::bigint, $4::bigint),
                               progress_percent = coalesce(least(greatest($6::numeric, 0), 100), progress_percent),
                               started_at = coalesce(started_at, $7::timestamptz), heartbeat_at = now()
                         where id = $1""")
                .execute(Tuple.from(Arrays.asList(id, sequence, workerId, processed, total, percent, utc(reportedAt))))
                .replaceWithVoid();
    }

    public Uni<Void> completed(SqlConnection c, long id, long sequence, String workerId, long processed, Long total,
                               Map<String, Object> result, Instant reportedAt) {
        return c.preparedQuery("""
                        update jobs set status = 'completed', last_sequence = $2, worker_id = $3,
                               progress_current = $4::bigint, progress_total = greatest($5::bigint, $4::bigint), progress_percent = 100,
                               result = $6, error_message = null, started_at = coalesce(started_at, $7::timestamptz),
                               completed_at = greatest(now(), coalesce(started_at, $7::timestamptz)), heartbeat_at = now()
                         where id = $1""")
                .execute(Tuple.from(Arrays.asList(id, sequence, workerId, processed, total,
                        result == null ? new JsonObject() : new JsonObject(result), utc(reportedAt))))
                .replaceWithVoid();
    }

    public Uni<Void> cancelled(SqlConnection c, long id, Long sequence, String workerId) {
        return c.preparedQuery("""
                        update jobs set status = 'cancelled', last_sequence = coalesce($2::bigint, last_sequence),
                               worker_id = coalesce($3::text, worker_id), completed_at = greatest(now(), started_at)
                         where id = $1""")
                .execute(Tuple.of(id, sequence, workerId))
                .replaceWithVoid();
    }

    /**
     * An attempt that failed (reported, or its runner went silent): retried after
     * {@code base × 2^(attempt-1)} (at most {@code max}) while attempts remain, else failed; cancelled when
     * an admin asked to cancel.
     */
    public Uni<AttemptEnd> endAttempt(SqlConnection c, long id, String error, Long sequence, String workerId,
                                      Duration base, Duration max) {
        return c.preparedQuery("""
                        update jobs set
                               status = case when cancel_requested_at is not null then 'cancelled'
                                             when attempts < max_attempts then 'retrying'
                                             else 'failed' end::job_status,
                               next_retry_at = case when cancel_requested_at is null and attempts < max_attempts
                                   then now() + make_interval(secs => least($5::float8, $4::float8 * power(2, attempts - 1))) end,
                               completed_at = case when cancel_requested_at is not null or attempts >= max_attempts
                                   then greatest(now(), started_at) end,
                               error_message = $2, last_sequence = coalesce($3::bigint, last_sequence),
                               worker_id = coalesce($6::text, worker_id)
                         where id = $1
                        returning status::text as status, attempts, max_attempts, next_retry_at""")
                .execute(Tuple.from(Arrays.asList(id, error, sequence, seconds(base), seconds(max), workerId)))
                .map(rows -> {
                    Row r = rows.iterator().next();
                    OffsetDateTime next = r.getOffsetDateTime("next_retry_at");
                    return new AttemptEnd(r.getString("status"), r.getInteger("attempts"), r.getInteger("max_attempts"),
                            next == null ? null : next.toInstant());
                });
    }

    public Uni<Void> log(SqlConnection c, long jobId, String level, String message, Map<String, Object> context,
                         Instant at) {
        return c.preparedQuery("""
                        insert into job_logs (job_id, level, message, context, logged_at)
                        values ($1, $2::log_level, $3, $4, coalesce($5::timestamptz, now()))""")
                .execute(Tuple.of(jobId, level, message, new JsonObject(context), utc(at)))
                .replaceWithVoid();
    }

    private static List<Flight> flights(io.vertx.mutiny.sqlclient.RowSet<Row> rows) {
        List<Flight> flights = new ArrayList<>();
        rows.forEach(r -> flights.add(Flight.of(r)));
        return flights;
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }

    private static OffsetDateTime utc(Instant t) {
        return t == null ? null : t.atOffset(ZoneOffset.UTC);
    }
}
