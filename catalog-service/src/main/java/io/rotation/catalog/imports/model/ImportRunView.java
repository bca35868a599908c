package io.rotation.catalog.imports.model;

import java.time.Instant;
import java.util.List;

/** An import job as the API shows it (snake_case on the wire). */
public record ImportRunView(long id, String status, String path, long releasesRead, long releasesWritten,
                            long releasesInserted, long releasesUpdated, long releasesSkipped, long tracksWritten,
                            List<String> skipReasons, String error, Instant createdAt, Instant startedAt,
                            Instant finishedAt) {
}
