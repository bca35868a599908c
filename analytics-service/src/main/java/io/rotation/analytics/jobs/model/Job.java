package io.rotation.analytics.jobs.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A row of {@code jobs}: one background job, its progress, retries and dependency. */
@Entity
@Table(name = "jobs")
public class Job {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    @Column(name = "job_type", nullable = false, columnDefinition = "job_type")
    public JobType jobType;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    @Column(name = "status", nullable = false, columnDefinition = "job_status")
    public JobStatus status;

    @Column(name = "priority", nullable = false)
    public short priority;

    /** The identity user who asked for it; null when the system scheduled it. */
    @Column(name = "initiated_by")
    public Long initiatedBy;

    @Column(name = "owner_service", nullable = false, length = 64)
    public String ownerService;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "parameters", nullable = false)
    public Map<String, Object> parameters;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "result")
    public Map<String, Object> result;

    @Column(name = "progress_current", nullable = false)
    public long progressCurrent;

    @Column(name = "progress_total")
    public Long progressTotal;

    @Column(name = "progress_percent", nullable = false, precision = 5, scale = 2)
    public BigDecimal progressPercent;

    @Column(name = "error_message", columnDefinition = "text")
    public String errorMessage;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "error_details")
    public Map<String, Object> errorDetails;

    @Column(name = "attempts", nullable = false)
    public int attempts;

    @Column(name = "max_attempts", nullable = false)
    public int maxAttempts;

    @Column(name = "next_retry_at")
    public Instant nextRetryAt;

    @Column(name = "scheduled_at", nullable = false)
    public Instant scheduledAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    @Column(name = "heartbeat_at")
    public Instant heartbeatAt;

    @Column(name = "worker_id", length = 128)
    public String workerId;

    @Column(name = "depends_on_job_id")
    public Long dependsOnJobId;

    @Column(name = "idempotency_key", length = 128)
    public String idempotencyKey;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false, insertable = false, updatable = false)
    public Instant updatedAt;
}
