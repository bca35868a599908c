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
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A row of {@code audio_match_history}, written by the trigger on {@code audio_matches}; read-only here. */
@Entity
@Table(name = "audio_match_history")
public class AudioMatchHistory {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "audio_match_id", nullable = false)
    public long audioMatchId;

    @Column(name = "action", nullable = false, length = 32)
    public String action;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    @Column(name = "old_status", columnDefinition = "match_status")
    public MatchStatus oldStatus;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    @Column(name = "new_status", columnDefinition = "match_status")
    public MatchStatus newStatus;

    @Column(name = "old_confidence_score", precision = 5, scale = 4)
    public BigDecimal oldConfidenceScore;

    @Column(name = "new_confidence_score", precision = 5, scale = 4)
    public BigDecimal newConfidenceScore;

    @Column(name = "old_external_id", length = 255)
    public String oldExternalId;

    @Column(name = "new_external_id", length = 255)
    public String newExternalId;

    @Column(name = "changed_by")
    public Long changedBy;

    @Column(name = "reason")
    public String reason;

    @Column(name = "changed_at", nullable = false, insertable = false, updatable = false)
    public Instant changedAt;
}
