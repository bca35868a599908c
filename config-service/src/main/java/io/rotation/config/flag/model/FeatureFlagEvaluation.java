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

/**
 * A row of {@code feature_flag_evaluations} (partitioned by month on evaluated_at; the table's key
 * is (id, evaluated_at), id alone is unique in practice: one sequence).
 */
@Entity
@Table(name = "feature_flag_evaluations")
public class FeatureFlagEvaluation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "feature_flag_id", nullable = false)
    public long featureFlagId;

    @Column(name = "flag_key", nullable = false, length = 128)
    public String flagKey;

    @Column(name = "user_id")
    public Long userId;

    @Column(nullable = false)
    public boolean result;

    @Column(length = 64)
    public String variant;

    /** unknown, disabled, outside_window, enabled, rollout, target, condition or no_match. */
    @Column(length = 32)
    public String reason;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public JsonNode context;

    @Column(name = "evaluated_at", nullable = false)
    public Instant evaluatedAt;
}
