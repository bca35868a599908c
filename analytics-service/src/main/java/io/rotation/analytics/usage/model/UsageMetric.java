package io.rotation.analytics.usage.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A row of {@code usage_metrics} (partitioned by month of occurred_at): one tracked interaction, from one event. */
@Entity
@Table(name = "usage_metrics")
public class UsageMetric {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id", nullable = false)
    public UUID eventId;

    @Column(name = "user_id")
    public Long userId;

    @Column(name = "event_type", nullable = false, length = 64)
    public String eventType;

    @Column(name = "entity_type", length = 32)
    public String entityType;

    @Column(name = "entity_id")
    public Long entityId;

    @Column(name = "duration_ms")
    public Long durationMs;

    @Column(name = "session_id", length = 128)
    public String sessionId;

    @Column(name = "device", length = 128)
    public String device;

    /** A hash of stable device traits, never the raw traits. */
    @Column(name = "device_fingerprint", length = 128)
    public String deviceFingerprint;

    @Column(name = "user_agent", length = 512)
    public String userAgent;

    /** ISO 3166-1 alpha-2, resolved from the IP at ingestion. */
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "country", length = 2)
    public String country;

    /** Screen or route of a non-play interaction. */
    @Column(name = "page", length = 512)
    public String page;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "metadata", nullable = false)
    public Map<String, Object> metadata;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public Instant createdAt;
}
