package io.rotation.config.cache.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A row of {@code cache_config}: how keys matching a pattern are cached and what invalidates them. */
@Entity
@Table(name = "cache_config")
public class CacheConfig {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "cache_key_pattern", nullable = false, length = 255)
    public String cacheKeyPattern;

    @Column(columnDefinition = "text")
    public String description;

    /** redis, local or database. */
    @Column(name = "cache_layer", nullable = false, length = 16)
    public String cacheLayer;

    @Column(name = "ttl_seconds", nullable = false)
    public int ttlSeconds;

    @Column(name = "refresh_ahead_seconds")
    public Integer refreshAheadSeconds;

    @Column(name = "max_entries")
    public Integer maxEntries;

    @Column(name = "is_enabled", nullable = false)
    public boolean isEnabled;

    /** Event types that invalidate these keys, e.g. catalog.record.updated. */
    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "invalidate_on", nullable = false, columnDefinition = "text[]")
    public String[] invalidateOn;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false, insertable = false, updatable = false)
    public Instant updatedAt;
}
