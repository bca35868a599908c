package io.rotation.catalog.imports.model;

import java.time.Instant;
import java.util.List;

/**
 * An import job as the API shows it (snake_case on the wire). {@code source} is {@code path} (a file
 * on the server) or {@code upload} (a dump sent in the request, kept in {@code path} until the run ends).
 */
public record ImportRunView(long id, String status, String source, String path, String uploadName,
                            long releasesRead, long releasesWritten, long releasesInserted, long releasesUpdated,
                            long releasesSkipped, long tracksWritten, List<String> skipReasons, String error,
                            Instant createdAt, Instant startedAt, Instant finishedAt) {
}
