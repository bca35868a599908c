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

/** A row of {@code match_candidates}: a scored search result, expiring after an hour. */
@Entity
@Table(name = "match_candidates")
public class MatchCandidate {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "track_id", nullable = false)
    public long trackId;

    @Column(name = "job_id")
    public Long jobId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    @Column(name = "platform", nullable = false, columnDefinition = "audio_platform")
    public AudioPlatform platform;

    @Column(name = "external_id", nullable = false, length = 255)
    public String externalId;

    @Column(name = "url")
    public String url;

    @Column(name = "title")
    public String title;

    @Column(name = "channel_name")
    public String channelName;

    @Column(name = "duration_seconds")
    public Integer durationSeconds;

    @Column(name = "score", nullable = false, precision = 5, scale = 4)
    public BigDecimal score;

    @Column(name = "search_query")
    public String searchQuery;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "raw", nullable = false)
    public Map<String, Object> raw;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "expires_at", nullable = false, insertable = false)
    public Instant expiresAt;
}
