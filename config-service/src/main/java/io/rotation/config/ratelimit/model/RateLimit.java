package io.rotation.config.ratelimit.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A row of {@code rate_limits}: a limit on an identifier and endpoint pattern, and its window state. */
@Entity
@Table(name = "rate_limits")
public class RateLimit {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 255)
    public String identifier;

    /** ip, user, api_key or global. */
    @Column(name = "identifier_type", nullable = false, length = 16)
    public String identifierType;

    @Column(name = "endpoint_pattern", nullable = false, length = 255)
    public String endpointPattern;

    @Column(name = "max_requests", nullable = false)
    public int maxRequests;

    @Column(name = "window_seconds", nullable = false)
    public int windowSeconds;

    @Column(name = "block_seconds", nullable = false)
    public int blockSeconds;

    @Column(name = "current_count", nullable = false)
    public int currentCount;

    @Column(name = "window_start")
    public Instant windowStart;

    @Column(name = "blocked_until")
    public Instant blockedUntil;

    @Column(name = "is_enabled", nullable = false)
    public boolean isEnabled;

    @Column(columnDefinition = "text")
    public String description;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false, insertable = false, updatable = false)
    public Instant updatedAt;
}
