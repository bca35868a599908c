package io.rotation.userfeatures.feedback.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A row of {@code feedback}: an issue or suggestion a user reported, and its triage. */
@Entity
@Table(name = "feedback")
public class Feedback {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** The reporter (identity's user id); null once the reporter's account is erased. */
    @Column(name = "user_id")
    public Long userId;

    /** The staff member (identity's user id) handling it. */
    @Column(name = "assigned_to")
    public Long assignedTo;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    @Column(name = "feedback_type", nullable = false, columnDefinition = "feedback_type")
    public FeedbackType feedbackType;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    @Column(name = "status", nullable = false, columnDefinition = "feedback_status")
    public FeedbackStatus status = FeedbackStatus.open;

    /** low, normal, high or urgent. */
    @Column(name = "priority", nullable = false, columnDefinition = "text")
    public String priority = "normal";

    /** What the feedback is about: track, record, store, audio_match, user or collection (with entity_id). */
    @Column(name = "entity_type", columnDefinition = "text")
    public String entityType;

    @Column(name = "entity_id")
    public Long entityId;

    /** matching's audio match, for bad_match / poor_audio_quality reports. */
    @Column(name = "audio_match_id")
    public Long audioMatchId;

    @Column(name = "title", nullable = false, length = 200)
    public String title;

    @Column(name = "description", columnDefinition = "text")
    public String description;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "metadata", nullable = false, columnDefinition = "jsonb")
    public Map<String, Object> metadata = Map.of();

    @Column(name = "resolution", columnDefinition = "text")
    public String resolution;

    /** Set only when the status is resolved or dismissed (checked). */
    @Column(name = "resolved_at")
    public Instant resolvedAt;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false, insertable = false, updatable = false)
    public Instant updatedAt;
}
