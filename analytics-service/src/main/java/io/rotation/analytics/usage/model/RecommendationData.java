package io.rotation.analytics.usage.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** A row of {@code recommendation_data}: a user's affinity to one track or record. */
@Entity
@Table(name = "recommendation_data")
public class RecommendationData {

    public static final String TRACK = "track";
    public static final String RECORD = "record";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "user_id", nullable = false)
    public long userId;

    @Column(name = "entity_type", nullable = false, length = 32)
    public String entityType;

    @Column(name = "entity_id", nullable = false)
    public long entityId;

    @Column(name = "affinity_score", nullable = false, precision = 14, scale = 4)
    public BigDecimal affinityScore;

    @Column(name = "play_count", nullable = false)
    public int playCount;

    @Column(name = "total_listening_ms", nullable = false)
    public long totalListeningMs;

    @Column(name = "confidence", nullable = false, precision = 5, scale = 4)
    public BigDecimal confidence;

    @Column(name = "last_interaction_at", nullable = false)
    public Instant lastInteractionAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false, insertable = false, updatable = false)
    public Instant updatedAt;
}
