package io.rotation.catalog.record.model;

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
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A row of {@code tracks}: one entry of a release's flattened tracklist. */
@Entity
@Table(name = "tracks")
public class Track {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "record_id", nullable = false)
    public long recordId;

    @Column(name = "parent_track_id")
    public Long parentTrackId;

    @Column(name = "position")
    public String position;

    @Column(name = "track_index", nullable = false)
    public int trackIndex;

    @Column(name = "title", nullable = false)
    public String title;

    @Column(name = "duration_seconds")
    public Integer durationSeconds;

    @Convert(converter = JsonTextConverter.class)
    @ColumnTransformer(read = "cast(artists as text)", write = "cast(cast(? as text) as jsonb)")
    @Column(name = "artists", nullable = false, columnDefinition = "jsonb")
    public JsonNode artists;

    @Convert(converter = JsonTextConverter.class)
    @ColumnTransformer(read = "cast(extra_artists as text)", write = "cast(cast(? as text) as jsonb)")
    @Column(name = "extra_artists", nullable = false, columnDefinition = "jsonb")
    public JsonNode extraArtists;

    @Column(name = "is_heading", nullable = false)
    public boolean heading;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "tags", nullable = false)
    public String[] tags;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false, insertable = false, updatable = false)
    public Instant updatedAt;
}
