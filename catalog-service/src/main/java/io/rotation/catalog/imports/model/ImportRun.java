package io.rotation.catalog.imports.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.rotation.platform.persistence.JsonTextConverter;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.ColumnTransformer;

/** A row of {@code import_runs}: one Discogs dump import run as a background job. */
@Entity
@Table(name = "import_runs")
public class ImportRun {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "kind", nullable = false, length = 32)
    public String kind;

    @Column(name = "source_path", nullable = false)
    public String sourcePath;

    @Column(name = "status", nullable = false, length = 16)
    public String status;

    /** path or upload. */
    @Column(name = "source", nullable = false, length = 16)
    public String source;

    @Column(name = "upload_name")
    public String uploadName;

    /** The service instance that queued the run; it touches heartbeatAt while the run is unfinished. */
    @Column(name = "runner", length = 64)
    public String runner;

    @Column(name = "heartbeat_at")
    public Instant heartbeatAt;

    @Column(name = "requested_by")
    public Long requestedBy;

    @Column(name = "releases_read", nullable = false)
    public long releasesRead;

    @Column(name = "releases_inserted", nullable = false)
    public long releasesInserted;

    @Column(name = "releases_updated", nullable = false)
    public long releasesUpdated;

    @Column(name = "releases_skipped", nullable = false)
    public long releasesSkipped;

    @Column(name = "tracks_written", nullable = false)
    public long tracksWritten;

    @Convert(converter = JsonTextConverter.class)
    @ColumnTransformer(read = "cast(skip_reasons as text)", write = "cast(cast(? as text) as jsonb)")
    @Column(name = "skip_reasons", nullable = false, columnDefinition = "jsonb")
    public JsonNode skipReasons;

    @Column(name = "error")
    public String error;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false, insertable = false, updatable = false)
    public Instant updatedAt;
}
