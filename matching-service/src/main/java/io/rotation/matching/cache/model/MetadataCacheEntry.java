package io.rotation.matching.cache.model;

import io.rotation.platform.persistence.JsonTextConverter;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.ColumnTransformer;

/**
 * A row of {@code metadata_cache}: one cached payload for (entity_type, entity_id, cache_key), with a
 * hard TTL ({@code expiresAt}), a soft refresh time ({@code refreshAfter}) and usage counters.
 */
@Entity
@Table(name = "metadata_cache")
public class MetadataCacheEntry {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "entity_type", nullable = false, length = 32)
    public String entityType;

    @Column(name = "entity_id", nullable = false, length = 255)
    public String entityId;

    @Column(name = "cache_key", nullable = false, length = 255)
    public String cacheKey;

    @Convert(converter = JsonTextConverter.class)
    @ColumnTransformer(read = "cast(data as text)", write = "cast(cast(? as text) as jsonb)")
    @Column(name = "data", nullable = false, columnDefinition = "jsonb")
    public JsonNode data;

    @Column(name = "source", nullable = false, length = 64)
    public String source;

    @Column(name = "etag", length = 255)
    public String etag;

    @Column(name = "fetched_at", nullable = false)
    public Instant fetchedAt;

    @Column(name = "expires_at", nullable = false)
    public Instant expiresAt;

    @Column(name = "refresh_after")
    public Instant refreshAfter;

    @Column(name = "hit_count", nullable = false)
    public long hitCount;

    @Column(name = "last_accessed_at")
    public Instant lastAccessedAt;

    @Column(name = "refresh_failures", nullable = false)
    public int refreshFailures;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false, insertable = false, updatable = false)
    public Instant updatedAt;
}
