package io.rotation.matching.audio.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A row of {@code audio_quality_metrics}: one audio analysis of a matched source. */
@Entity
@Table(name = "audio_quality_metrics")
public class AudioQualityMetric {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "audio_match_id", nullable = false)
    public long audioMatchId;

    @Column(name = "bitrate_kbps")
    public Integer bitrateKbps;

    @Column(name = "sample_rate_hz")
    public Integer sampleRateHz;

    @Column(name = "channels")
    public Short channels;

    @Column(name = "codec", length = 32)
    public String codec;

    @Column(name = "dynamic_range_db", precision = 6, scale = 2)
    public BigDecimal dynamicRangeDb;

    @Column(name = "loudness_lufs", precision = 6, scale = 2)
    public BigDecimal loudnessLufs;

    @Column(name = "peak_db", precision = 6, scale = 2)
    public BigDecimal peakDb;

    @Column(name = "overall_score", precision = 5, scale = 4)
    public BigDecimal overallScore;

    @Column(name = "analyzer", nullable = false, length = 64)
    public String analyzer;

    @Column(name = "analyzer_version", length = 32)
    public String analyzerVersion;

    @Column(name = "analyzed_at", nullable = false)
    public Instant analyzedAt;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "raw", nullable = false)
    public Map<String, Object> raw;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public Instant createdAt;
}
