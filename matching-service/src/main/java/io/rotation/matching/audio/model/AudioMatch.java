package io.rotation.matching.audio.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A row of {@code audio_matches}: a playable source for a catalog track. {@code trackId} and
 * {@code recordId} are catalog's ids, {@code verifiedBy} identity's user id (no foreign keys).
 */
@Entity
@Table(name = "audio_matches")
public class AudioMatch {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "track_id", nullable = false)
    public long trackId;

    @Column(name = "record_id")
    public Long recordId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    @Column(name = "platform", nullable = false, columnDefinition = "audio_platform")
    public AudioPlatform platform;

    @Column(name = "external_id", nullable = false, length = 255)
    public String externalId;

    @Column(name = "url", nullable = false)
    public String url;

    @Column(name = "title")
    public String title;

    @Column(name = "channel_id", length = 255)
    public String channelId;

    @Column(name = "channel_name")
    public String channelName;

    @Column(name = "duration_seconds")
    public Integer durationSeconds;

    @Column(name = "thumbnail_url")
    public String thumbnailUrl;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "confidence_score", nullable = false, precision = 5, scale = 4)
    public BigDecimal confidenceScore;

    @Column(name = "quality_score", precision = 5, scale = 4)
    public BigDecimal qualityScore;

    @Column(name = "view_count")
    public Long viewCount;

    @Column(name = "like_count")
    public Long likeCount;

    @Column(name = "popularity_updated_at")
    public Instant popularityUpdatedAt;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    @Column(name = "status", nullable = false, columnDefinition = "match_status")
    public MatchStatus status;

    @Column(name = "match_method", nullable = false, length = 32)
    public String matchMethod;

    @Column(name = "verified_by")
    public Long verifiedBy;

    @Column(name = "verified_at")
    public Instant verifiedAt;

    @Column(name = "is_embeddable", nullable = false)
    public boolean embeddable;

    @Column(name = "is_available", nullable = false)
    public boolean available;

    @Column(name = "last_checked_at")
    public Instant lastCheckedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "metadata", nullable = false)
    public Map<String, Object> metadata;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false, insertable = false, updatable = false)
    public Instant updatedAt;
}
