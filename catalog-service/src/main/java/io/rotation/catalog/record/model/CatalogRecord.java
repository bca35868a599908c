package io.rotation.catalog.record.model;

import io.rotation.platform.persistence.JsonTextConverter;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A row of {@code records}: one Discogs release. The nested Discogs structures are JSONB arrays,
 * read as {@link JsonNode}s through {@link JsonTextConverter}. The generated {@code search_vector} column is not mapped (searched
 * with native SQL).
 */
@Entity(name = "CatalogRecord")
@Table(name = "records")
public class CatalogRecord {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "discogs_release_id")
    public Long discogsReleaseId;

    @Column(name = "master_id")
    public Long masterId;

    @Column(name = "is_main_release")
    public Boolean mainRelease;

    @Column(name = "artist", nullable = false)
    public String artist;

    @Column(name = "artist_sort")
    public String artistSort;

    @Convert(converter = JsonTextConverter.class)
    @ColumnTransformer(read = "cast(artists as text)", write = "cast(cast(? as text) as jsonb)")
    @Column(name = "artists", nullable = false, columnDefinition = "jsonb")
    public JsonNode artists;

    @Column(name = "title", nullable = false)
    public String title;

    @Convert(converter = JsonTextConverter.class)
    @ColumnTransformer(read = "cast(labels as text)", write = "cast(cast(? as text) as jsonb)")
    @Column(name = "labels", nullable = false, columnDefinition = "jsonb")
    public JsonNode labels;

    @Convert(converter = JsonTextConverter.class)
    @ColumnTransformer(read = "cast(formats as text)", write = "cast(cast(? as text) as jsonb)")
    @Column(name = "formats", nullable = false, columnDefinition = "jsonb")
    public JsonNode formats;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "genres", nullable = false)
    public String[] genres;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "styles", nullable = false)
    public String[] styles;

    @Column(name = "release_year")
    public Short releaseYear;

    @Column(name = "released", length = 32)
    public String released;

    @Column(name = "country", length = 128)
    public String country;

    @Column(name = "notes")
    public String notes;

    @Column(name = "data_quality", length = 64)
    public String dataQuality;

    @Column(name = "discogs_status", length = 32)
    public String discogsStatus;

    @Convert(converter = JsonTextConverter.class)
    @ColumnTransformer(read = "cast(images as text)", write = "cast(cast(? as text) as jsonb)")
    @Column(name = "images", nullable = false, columnDefinition = "jsonb")
    public JsonNode images;

    @Column(name = "thumb_url")
    public String thumbUrl;

    @Convert(converter = JsonTextConverter.class)
    @ColumnTransformer(read = "cast(videos as text)", write = "cast(cast(? as text) as jsonb)")
    @Column(name = "videos", nullable = false, columnDefinition = "jsonb")
    public JsonNode videos;

    @Convert(converter = JsonTextConverter.class)
    @ColumnTransformer(read = "cast(extra_artists as text)", write = "cast(cast(? as text) as jsonb)")
    @Column(name = "extra_artists", nullable = false, columnDefinition = "jsonb")
    public JsonNode extraArtists;

    @Convert(converter = JsonTextConverter.class)
    @ColumnTransformer(read = "cast(companies as text)", write = "cast(cast(? as text) as jsonb)")
    @Column(name = "companies", nullable = false, columnDefinition = "jsonb")
    public JsonNode companies;

    @Convert(converter = JsonTextConverter.class)
    @ColumnTransformer(read = "cast(series as text)", write = "cast(cast(? as text) as jsonb)")
    @Column(name = "series", nullable = false, columnDefinition = "jsonb")
    public JsonNode series;

    @Convert(converter = JsonTextConverter.class)
    @ColumnTransformer(read = "cast(identifiers as text)", write = "cast(cast(? as text) as jsonb)")
    @Column(name = "identifiers", nullable = false, columnDefinition = "jsonb")
    public JsonNode identifiers;

    @Column(name = "tracklist_count", nullable = false)
    public int tracklistCount;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    @Column(name = "status", nullable = false, columnDefinition = "record_status")
    public RecordStatus status;

    @Column(name = "source", nullable = false, length = 32)
    public String source;

    @Column(name = "last_synced_at")
    public Instant lastSyncedAt;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false, insertable = false, updatable = false)
    public Instant updatedAt;
}
