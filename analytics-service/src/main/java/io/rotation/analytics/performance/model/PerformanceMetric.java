package io.rotation.analytics.performance.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code performance_metrics} (partitioned by day of recorded_at): one timed request or task. */
@Entity
@Table(name = "performance_metrics")
public class PerformanceMetric {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "service", nullable = false, length = 64)
    public String service;

    @Column(name = "instance", length = 128)
    public String instance;

    /** The route template (/api/v1/records/{id}), not the raw path. */
    @Column(name = "endpoint", nullable = false, length = 256)
    public String endpoint;

    @Column(name = "method", nullable = false, length = 16)
    public String method;

    @Column(name = "status_code")
    public Short statusCode;

    @Column(name = "response_time_ms", nullable = false)
    public double responseTimeMs;

    @Column(name = "db_time_ms")
    public Double dbTimeMs;

    @Column(name = "db_queries")
    public Integer dbQueries;

    @Column(name = "response_bytes")
    public Long responseBytes;

    @Column(name = "error_type", length = 128)
    public String errorType;

    @Column(name = "request_id", length = 128)
    public String requestId;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;
}
