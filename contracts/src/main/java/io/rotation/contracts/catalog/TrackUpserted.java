package io.rotation.contracts.catalog;

import java.time.Instant;
import java.util.List;

/**
 * A track was created or updated; keyed by its record so that a record's events stay in order.
 * {@code artists} are the track's own credited names (empty: the release's); {@code heading} marks
 * a tracklist row that is not playable (a heading such as "Side A", or an index track of sub-tracks).
 */
public record TrackUpserted(long trackId, long recordId, Long discogsReleaseId, String position, int trackIndex,
                            String title, String artist, Integer durationSeconds, Instant upsertedAt,
                            List<String> artists, Boolean heading) {
}
