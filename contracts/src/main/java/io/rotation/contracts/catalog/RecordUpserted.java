package io.rotation.contracts.catalog;

import java.time.Instant;
import java.util.List;

/**
 * A record was created or updated in the catalog, with the ids of its tracks. {@code discogsReleaseId}
 * is null for a record a store added by hand.
 */
public record RecordUpserted(long recordId, Long discogsReleaseId, String artist, String title, Integer releaseYear,
                             List<String> genres, List<String> styles, List<Long> trackIds, Instant upsertedAt) {
}
