package io.rotation.contracts.catalog;

import java.time.Instant;

/** A track was created or updated; keyed by its record so that a record's events stay in order. */
public record TrackUpserted(long trackId, long recordId, Long discogsReleaseId, String position, int trackIndex,
                            String title, String artist, Integer durationSeconds, Instant upsertedAt) {
}
