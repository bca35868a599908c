package io.rotation.catalog.discogs.dump;

import io.rotation.catalog.discogs.DiscogsRelease;
import java.util.List;

/** A release of the dump, converted to the columns of records and tracks (JSONB columns as JSON text). */
public record DumpRelease(long discogsReleaseId, Long masterId, Boolean mainRelease, String artist,
                          String artistSort, String artists, String title, String labels, String formats,
                          List<String> genres, List<String> styles, Integer releaseYear, String released,
                          String country, String notes, String dataQuality, String discogsStatus, String images,
                          String thumbUrl, String videos, String extraArtists, String companies, String series,
                          String identifiers, List<DumpTrack> tracks) implements DiscogsRelease {

    /** One row of the flattened tracklist (see {@link DiscogsRelease.Track}). */
    public record DumpTrack(int trackIndex, Integer parentIndex, String position, String title,
                            Integer durationSeconds, String artists, String extraArtists, boolean heading,
                            String artist) implements DiscogsRelease.Track {
    }
}
