package io.rotation.userfeatures.favorite.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code favorites}: a user's bookmark of a track, record, store or audio match. */
@Entity
@Table(name = "favorites")
public class Favorite {

    /** The kinds of things a user can favorite (the check on {@code favoritable_type}). */
    public static final java.util.List<String> TYPES = java.util.List.of("track", "record", "store", "audio_match");

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** identity's user id (no foreign key across schemas). */
    @Column(name = "user_id", nullable = false)
    public long userId;

    @Column(name = "favoritable_type", nullable = false, columnDefinition = "text")
    public String favoritableType;

    @Column(name = "favoritable_id", nullable = false)
    public long favoritableId;

    @Column(name = "note", columnDefinition = "text")
    public String note;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false, insertable = false, updatable = false)
    public Instant updatedAt;
}
