package io.rotation.matching.scoring.model;

import java.util.List;

/** What matching knows of one release when it scores candidates: its tracks, in tracklist order. */
public record ReleaseContext(long recordId, Long discogsReleaseId, String title, List<String> artists,
                             Integer year, List<TrackInfo> tracks) {
}
