package io.rotation.userfeatures.collection.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A row of {@code user_collections}: a user's playlist. {@code item_count} and
 * {@code total_duration_seconds} belong to the database (a trigger on the items keeps them).
 */
@Entity
@Table(name = "user_collections")
public class UserCollection {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** identity's user id (no foreign key across schemas). */
    @Column(name = "user_id", nullable = false)
    public long userId;

    @Column(name = "name", nullable = false, length = 200)
    public String name;

    @Column(name = "description", columnDefinition = "text")
    public String description;

    @Column(name = "is_public", nullable = false)
    public boolean isPublic;

    @Column(name = "cover_image_url", columnDefinition = "text")
    public String coverImageUrl;

    @Column(name = "item_count", nullable = false, insertable = false, updatable = false)
    public int itemCount;

    @Column(name = "total_duration_seconds", nullable = false, insertable = false, updatable = false)
    public long totalDurationSeconds;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false, insertable = false, updatable = false)
    public Instant updatedAt;
}
