package io.rotation.catalog.discogs;

import java.util.List;

/**
 * A Discogs release as the columns of records and tracks (JSONB columns as JSON text), whether read
 * from a dump or fetched from the API: what {@link ReleaseWriter} writes.
 */
public interface DiscogsRelease {

    long discogsReleaseId();

    Long masterId();

    /** Whether this is its master's main release; null when unknown (the API does not say). */
    default Boolean mainRelease() {
        return null;
    }

    String artist();

    String artistSort();

    String artists();

    String title();

    String labels();

    String formats();

    List<String> genres();

    List<String> styles();

    Integer releaseYear();

    String released();

    String country();

    String notes();

    String dataQuality();

    String discogsStatus();

    String images();

    String thumbUrl();

    String videos();

    String extraArtists();

    String companies();

    String series();

    String identifiers();

    List<? extends Track> tracks();

    /**
     * One row of the flattened tracklist. {@code trackIndex} is the zero-based order in the release
     * (index tracks before their sub-tracks); {@code parentIndex} is the track index of the index
     * track a sub-track belongs to.
     */
    interface Track {

        int trackIndex();

        Integer parentIndex();

        String position();

        String title();

        Integer durationSeconds();

        String artists();

        String extraArtists();

        boolean heading();

        String artist();
    }
}
