package io.rotation.matching.legacy.model;

import io.rotation.matching.audio.model.AudioPlatform;
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
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A row of the deprecated {@code track_matches} table (one YouTube video per track), kept for
 * backward compatibility; new code uses {@code AudioMatch}.
 */
@Deprecated
@Entity
@Table(name = "track_matches")
public class TrackMatch {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "track_id", nullable = false)
    public long trackId;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    @Column(name = "platform", nullable = false, columnDefinition = "audio_platform")
    public AudioPlatform platform;

    @Column(name = "youtube_id", nullable = false, length = 64)
    public String youtubeId;

    @Column(name = "url")
    public String url;

    @Column(name = "title")
    public String title;

    @Column(name = "confidence", precision = 5, scale = 4)
    public BigDecimal confidence;

    @Column(name = "is_deprecated", nullable = false)
    public boolean deprecated;

    @Column(name = "migrated_to_audio_match_id")
    public Long migratedToAudioMatchId;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false, insertable = false, updatable = false)
    public Instant updatedAt;
}
