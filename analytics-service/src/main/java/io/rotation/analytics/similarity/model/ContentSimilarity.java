package io.rotation.analytics.similarity.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A row of {@code content_similarity}: how similar a target is to a source, by one kind of similarity. */
@Entity
@Table(name = "content_similarity")
public class ContentSimilarity {

    public static final String TRACK = "track";
    public static final String RECORD = "record";
    public static final String STORE = "store";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "source_type", nullable = false, length = 32)
    public String sourceType;

    @Column(name = "source_id", nullable = false)
    public long sourceId;

    @Column(name = "target_type", nullable = false, length = 32)
    public String targetType;

    @Column(name = "target_id", nullable = false)
    public long targetId;

    /** audio, metadata, collaborative or hybrid. */
    @Column(name = "similarity_type", nullable = false, length = 32)
    public String similarityType;

    @Column(name = "score", nullable = false, precision = 6, scale = 5)
    public BigDecimal score;

    @Column(name = "algorithm", nullable = false, length = 64)
    public String algorithm;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "details", nullable = false)
    public Map<String, Object> details;

    @Column(name = "computed_at", nullable = false)
    public Instant computedAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false, insertable = false, updatable = false)
    public Instant updatedAt;
}
