package io.rotation.contracts.catalog;

import java.time.Instant;
import java.util.List;

/**
 * A record was created or updated in the catalog, with the ids of its tracks (in tracklist order;
 * the record's TrackUpserted events precede it on the topic). {@code discogsReleaseId} is null for a
 * record a store added by hand. {@code artists} are the release's credited artist names and
 * {@code videos} the videos the release lists on Discogs: what matching needs to find its audio.
 * {@code labels} are the release's label names (analytics' content similarity); null from producers before it.
 */
public record RecordUpserted(long recordId, Long discogsReleaseId, String artist, String title, Integer releaseYear,
                             List<String> genres, List<String> styles, List<Long> trackIds, Instant upsertedAt,
                             List<String> artists, List<Video> videos, List<String> labels) {

    /** A record without label names. */
    public RecordUpserted(long recordId, Long discogsReleaseId, String artist, String title, Integer releaseYear,
                          List<String> genres, List<String> styles, List<Long> trackIds, Instant upsertedAt,
                          List<String> artists, List<Video> videos) {
        this(recordId, discogsReleaseId, artist, title, releaseYear, genres, styles, trackIds, upsertedAt, artists,
                videos, null);
    }

    /** A video of the release: {@code uri} as Discogs gives it (a YouTube URL), duration in seconds. */
    public record Video(String uri, String title, Integer durationSeconds) {
    }
}
