package io.rotation.userfeatures.preference.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A row of {@code user_preferences}: one user's settings. */
@Entity
@Table(name = "user_preferences")
public class UserPreferences {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** identity's user id; one row per user. */
    @Column(name = "user_id", nullable = false, unique = true)
    public long userId;

    /** Audio platforms in order of preference (youtube, soundcloud, spotify, bandcamp, discogs). */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "preferred_platforms", nullable = false, columnDefinition = "text[]")
    public List<String> preferredPlatforms = List.of();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "preferred_genres", nullable = false, columnDefinition = "text[]")
    public List<String> preferredGenres = List.of();

    @Column(name = "autoplay", nullable = false)
    public boolean autoplay = true;

    @Column(name = "explicit_content", nullable = false)
    public boolean explicitContent = true;

    /** low, normal, high or lossless. */
    @Column(name = "audio_quality", nullable = false, columnDefinition = "text")
    public String audioQuality = "high";

    /** BCP 47 language tag, e.g. en or pt-BR. */
    @Column(name = "language", nullable = false, length = 35)
    public String language = "en";

    /** system, light or dark. */
    @Column(name = "theme", nullable = false, columnDefinition = "text")
    public String theme = "system";

    @Column(name = "email_notifications", nullable = false)
    public boolean emailNotifications = true;

    /** e.g. {"show_listening_activity": false, "public_profile": true}. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "privacy_settings", nullable = false, columnDefinition = "jsonb")
    public Map<String, Object> privacySettings = Map.of();

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false, insertable = false, updatable = false)
    public Instant updatedAt;
}
