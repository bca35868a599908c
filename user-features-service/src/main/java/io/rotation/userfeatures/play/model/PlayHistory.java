package io.rotation.userfeatures.play.model;

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
 * A row of {@code play_history} (partitioned by month of played_at; the primary key is (id, played_at),
 * id alone is unique by its sequence), as read back (writes go through {@code PlayRepository} with their events). */
@Entity
@Table(name = "play_history")
public class PlayHistory {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "user_id", nullable = false)
    public long userId;

    @Column(name = "track_id", nullable = false)
    public long trackId;

    @Column(name = "record_id")
    public Long recordId;

    @Column(name = "played_at", nullable = false)
    public Instant playedAt;

    @Column(name = "duration_played_ms")
    public Integer durationPlayedMs;

    @Column(name = "completion_percentage", precision = 5, scale = 2)
    public BigDecimal completionPercentage;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    @Column(name = "action", nullable = false, columnDefinition = "play_action")
    public PlayAction action;

    /** Playback position when the action happened (pause, seek, skip point). */
    @Column(name = "position_ms")
    public Integer positionMs;

    @Column(name = "session_id", length = 128)
    public String sessionId;

    @Column(name = "device", length = 128)
    public String device;

    /** Where the audio came from: youtube, soundcloud, spotify, bandcamp or discogs. */
    @Column(name = "platform", columnDefinition = "text")
    public String platform;

    /** matching's audio match that was played (no foreign key: another service's row). */
    @Column(name = "audio_match_id")
    public Long audioMatchId;

    /** Where in the app the play started: record_page, collection, favorites, search, ... */
    @Column(name = "context", columnDefinition = "text")
    public String context;

    @Column(name = "context_id")
    public Long contextId;

    /** ISO 3166-1 alpha-2 country of the client's IP (the address itself is not kept). */
    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "ip_country", length = 2)
    public String ipCountry;

    @Column(name = "user_agent", length = 512)
    public String userAgent;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "metadata", nullable = false, columnDefinition = "jsonb")
    public Map<String, Object> metadata;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public Instant createdAt;
}
