package io.rotation.config.flag.model;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A row of {@code feature_flag_history}, written only by the trigger function log_feature_flag_change(). */
@Entity
@Table(name = "feature_flag_history")
public class FeatureFlagHistory {

    public static final String INSERT = "insert";
    public static final String UPDATE = "update";
    public static final String DELETE = "delete";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** Null once the flag is deleted; {@link #flagKey} still names it. */
    @Column(name = "feature_flag_id")
    public Long featureFlagId;

    @Column(name = "flag_key", nullable = false, length = 128)
    public String flagKey;

    /** insert, update or delete. */
    @Column(nullable = false, length = 8)
    public String action;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "old_value", columnDefinition = "jsonb")
    public JsonNode oldValue;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "new_value", columnDefinition = "jsonb")
    public JsonNode newValue;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "changed_fields", nullable = false, columnDefinition = "text[]")
    public String[] changedFields;

    @Column(name = "changed_by")
    public Long changedBy;

    @Column(name = "changed_at", nullable = false, insertable = false, updatable = false)
    public Instant changedAt;
}
