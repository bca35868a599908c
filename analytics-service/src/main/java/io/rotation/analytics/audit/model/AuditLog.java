package io.rotation.analytics.audit.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A row of {@code audit_logs} (partitioned by month of occurred_at): who changed what, from which service. */
@Entity
@Table(name = "audit_logs")
public class AuditLog {

    public static final String ACTOR_USER = "user";
    public static final String ACTOR_SERVICE = "service";
    public static final String ACTOR_SYSTEM = "system";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id")
    public UUID eventId;

    /** The identity user who acted (or whose data was touched); no foreign key, users live in identity. */
    @Column(name = "user_id")
    public Long userId;

    /** user, service or system (checked by ck_audit_logs_actor_type). */
    @Column(name = "actor_type", nullable = false, length = 16)
    public String actorType;

    @Column(name = "action", nullable = false, length = 64)
    public String action;

    @Column(name = "entity_type", nullable = false, length = 64)
    public String entityType;

    @Column(name = "entity_id", length = 128)
    public String entityId;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "old_values")
    public Map<String, Object> oldValues;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "new_values")
    public Map<String, Object> newValues;

    @Column(name = "service", nullable = false, length = 64)
    public String service;

    @Column(name = "request_id", length = 128)
    public String requestId;

    /** An IPv4 or IPv6 address, stored as inet. */
    @Column(name = "ip_address", columnDefinition = "inet")
    @ColumnTransformer(read = "host(ip_address)", write = "?::text::inet")
    public String ipAddress;

    @Column(name = "user_agent", length = 512)
    public String userAgent;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public Instant createdAt;
}
