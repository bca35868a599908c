package io.rotation.catalog.inventory.model;

import java.time.Instant;
import java.util.List;

/**
 * A store sync as the API shows it: its state and counts. {@code requests} counts every request
 * sent to Discogs (retries included), {@code rate_limited} the 429 answers among them.
 */
public record SyncRunView(long id, long storeId, String discogsUsername, String status, Long requestedBy, int pages,
                          int listingsSeen, int added, int updated, int unchanged, int removed, int skipped,
                          int releasesFetched, int requests, int rateLimited, List<String> skipReasons, String error,
                          Instant createdAt, Instant startedAt, Instant finishedAt) {
}
