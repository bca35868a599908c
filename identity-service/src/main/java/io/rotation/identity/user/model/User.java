package io.rotation.identity.user.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A row of {@code users}. */
@Entity
@Table(name = "users")
public class User {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 320)
    public String email;

    @Column(nullable = false, length = 32)
    public String username;

    @Column(name = "password_hash", nullable = false, length = 100)
    public String passwordHash;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    @Column(nullable = false, columnDefinition = "user_role")
    public UserRole role;

    @Column(name = "display_name", length = 128)
    public String displayName;

    @Column(name = "is_active", nullable = false)
    public boolean active;

    @Column(name = "email_verified", nullable = false)
    public boolean emailVerified;

    @Column(name = "last_login_at")
    public Instant lastLoginAt;

    @Column(name = "avatar_url", length = 2048)
    public String avatarUrl;

    @Column(name = "bio", columnDefinition = "text")
    public String bio;

    @Column(name = "locale", nullable = false, length = 35, insertable = false)
    public String locale;

    @Column(name = "timezone", nullable = false, length = 64, insertable = false)
    public String timezone;

    /** Failed logins since the last success; the login limiter locks the account past a threshold. */
    @Column(name = "failed_login_count", nullable = false, insertable = false)
    public int failedLoginCount;

    /** When the failures counted in {@link #failedLoginCount} started (the limiter's window). */
    @Column(name = "failed_login_window_start")
    public Instant failedLoginWindowStart;

    @Column(name = "locked_until")
    public Instant lockedUntil;

    @Column(name = "password_changed_at")
    public Instant passwordChangedAt;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false, insertable = false, updatable = false)
    public Instant updatedAt;
}
