package io.rotation.userfeatures.follow.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code user_follows}: a user following a user or a store. */
@Entity
@Table(name = "user_follows")
public class UserFollow {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** identity's user id. */
    @Column(name = "follower_id", nullable = false)
    public long followerId;

    /** user or store. */
    @Column(name = "followee_type", nullable = false, columnDefinition = "text")
    public String followeeType;

    /** identity's user or store id. */
    @Column(name = "followee_id", nullable = false)
    public long followeeId;

    @Column(name = "notifications_enabled", nullable = false)
    public boolean notificationsEnabled = true;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false, insertable = false, updatable = false)
    public Instant updatedAt;
}
