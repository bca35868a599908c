package io.rotation.config.flag.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.rotation.config.persistence.PgEnumLabelJdbcType;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcType;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A row of {@code feature_flags}; evaluated by the SQL function {@code evaluate_feature_flag}. */
@Entity
@Table(name = "feature_flags")
public class FeatureFlag {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 128)
    public String key;

    @Column(length = 200)
    public String name;

    @Column(columnDefinition = "text")
    public String description;

    @Convert(converter = FeatureFlagType.Label.class)
    @JdbcType(PgEnumLabelJdbcType.class)
    @Column(name = "flag_type", nullable = false, columnDefinition = "feature_flag_type")
    public FeatureFlagType flagType;

    @Column(nullable = false)
    public boolean enabled;

    /** 0 to 100: the share of users a percentage flag is on for. */
    @Column(name = "rollout_percentage", nullable = false)
    public int rolloutPercentage;

    /** Identity user ids a user_list flag is on for. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "target_user_ids", nullable = false, columnDefinition = "bigint[]")
    public Long[] targetUserIds;

    /** A JSON object the evaluation context must contain (condition flags). */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public JsonNode conditions;

    /** A JSON object of A/B arms and their weights, e.g. {"control": 50, "treatment": 50}. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public JsonNode variants;

    @Column(name = "default_variant", length = 64)
    public String defaultVariant;

    @Column(length = 128)
    public String owner;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "text[]")
    public String[] tags;

    @Column(name = "starts_at")
    public Instant startsAt;

    @Column(name = "ends_at")
    public Instant endsAt;

    @Column(name = "created_by")
    public Long createdBy;

    @Column(name = "updated_by")
    public Long updatedBy;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false, insertable = false, updatable = false)
    public Instant updatedAt;
}
