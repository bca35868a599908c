package io.rotation.contracts.catalog;

import java.time.Instant;
import java.util.List;

/** A record (a Discogs release) was created or updated in the catalog, with the ids of its tracks. */
public record RecordUpserted(long recordId, long discogsReleaseId, String artist, String title, Integer releaseYear,
                             List<String> genres, List<String> styles, List<Long> trackIds, Instant upsertedAt) {
}
