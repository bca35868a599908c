package io.rotation.analytics.jobs.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A row of {@code job_logs} (partitioned by month of logged_at): one log line of a job run. */
@Entity
@Table(name = "job_logs")
public class JobLog {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "job_id", nullable = false)
    public long jobId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    @Column(name = "level", nullable = false, columnDefinition = "log_level")
    public LogLevel level;

    @Column(name = "message", nullable = false, columnDefinition = "text")
    public String message;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "context", nullable = false)
    public Map<String, Object> context;

    @Column(name = "logged_at", nullable = false)
    public Instant loggedAt;
}
