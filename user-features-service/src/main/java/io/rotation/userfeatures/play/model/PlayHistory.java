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
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A row of {@code play_history}, as read back (writes go through {@code PlayRepository} with their events). */
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

    @Column(name = "session_id", length = 128)
    public String sessionId;

    @Column(name = "device", length = 128)
    public String device;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public Instant createdAt;
}
