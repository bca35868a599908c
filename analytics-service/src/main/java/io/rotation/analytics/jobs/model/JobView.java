package io.rotation.analytics.jobs.model;

import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Row;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** A job as the admin API shows it; {@code logs} only on the single-job read. */
public record JobView(long id, String type, String status, String ownerService, Map<String, Object> parameters,
                      Map<String, Object> result, long progressCurrent, Long progressTotal,
                      BigDecimal progressPercent, String errorMessage, int attempts, int maxAttempts,
                      Instant nextRetryAt, Instant scheduledAt, Instant startedAt, Instant completedAt,
                      Instant heartbeatAt, String workerId, Long dependsOn, Long initiatedBy,
                      Instant cancelRequestedAt, String runKey, Instant createdAt, Instant updatedAt,
                      List<JobLogView> logs) {

    /** The columns {@link #of} reads. */
    public static final String COLUMNS = """
            id, job_type::text as job_type, status::text as status, owner_service, parameters, result,
            progress_current, progress_total, progress_percent, error_message, attempts, max_attempts,
            next_retry_at, scheduled_at, started_at, completed_at, heartbeat_at, worker_id, depends_on_job_id,
            initiated_by, cancel_requested_at, idempotency_key, created_at, updated_at""";

    public static JobView of(Row r) {
        return new JobView(r.getLong("id"), r.getString("job_type"), r.getString("status"),
                r.getString("owner_service"), map(r.getJsonObject("parameters")), map(r.getJsonObject("result")),
                r.getLong("progress_current"), r.getLong("progress_total"), r.getBigDecimal("progress_percent"),
                r.getString("error_message"), r.getInteger("attempts"), r.getInteger("max_attempts"),
                time(r, "next_retry_at"), time(r, "scheduled_at"), time(r, "started_at"), time(r, "completed_at"),
                time(r, "heartbeat_at"), r.getString("worker_id"), r.getLong("depends_on_job_id"),
                r.getLong("initiated_by"), time(r, "cancel_requested_at"), r.getString("idempotency_key"),
                time(r, "created_at"), time(r, "updated_at"), null);
    }

    public JobView withLogs(List<JobLogView> lines) {
        return new JobView(id, type, status, ownerService, parameters, result, progressCurrent, progressTotal,
                progressPercent, errorMessage, attempts, maxAttempts, nextRetryAt, scheduledAt, startedAt,
                completedAt, heartbeatAt, workerId, dependsOn, initiatedBy, cancelRequestedAt, runKey, createdAt,
                updatedAt, lines);
    }

    public boolean ended() {
        return JobStatus.valueOf(status).ended();
    }

    static Map<String, Object> map(JsonObject json) {
        return json == null ? null : json.getMap();
    }

    static Instant time(Row r, String column) {
        OffsetDateTime t = r.getOffsetDateTime(column);
        return t == null ? null : t.toInstant();
    }
}
