package io.rotation.config.maintenance.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A row of {@code maintenance_windows}. */
@Entity
@Table(name = "maintenance_windows")
public class MaintenanceWindow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 200)
    public String title;

    @Column(columnDefinition = "text")
    public String message;

    @Column(name = "starts_at", nullable = false)
    public Instant startsAt;

    @Column(name = "ends_at", nullable = false)
    public Instant endsAt;

    /** Service names affected; empty means all. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "affected_services", nullable = false, columnDefinition = "text[]")
    public String[] affectedServices;

    @Column(name = "read_only", nullable = false)
    public boolean readOnly;

    @Column(name = "notify_before_minutes", nullable = false)
    public int notifyBeforeMinutes;

    @Column(name = "cancelled_at")
    public Instant cancelledAt;

    @Column(name = "created_by")
    public Long createdBy;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false, insertable = false, updatable = false)
    public Instant updatedAt;
}
