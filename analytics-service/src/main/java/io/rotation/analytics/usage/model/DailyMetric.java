package io.rotation.analytics.usage.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A row of {@code daily_metrics}: one named value per day, metric type and entity. */
@Entity
@Table(name = "daily_metrics")
public class DailyMetric {

    public static final String TYPE_USAGE = "usage";
    public static final String ENTITY_USER = "user";
    public static final String ENTITY_TRACK = "track";
    public static final String PLAYS = "plays";
    public static final String LISTENING_MS = "listening_ms";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "metric_date", nullable = false)
    public LocalDate metricDate;

    @Column(name = "metric_type", nullable = false, length = 32)
    public String metricType;

    @Column(name = "entity_type", nullable = false, length = 32)
    public String entityType;

    @Column(name = "entity_id", nullable = false)
    public long entityId;

    @Column(name = "metric_name", nullable = false, length = 64)
    public String metricName;

    @Column(name = "value", nullable = false, precision = 20, scale = 4)
    public BigDecimal value;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false, insertable = false, updatable = false)
    public Instant updatedAt;
}
