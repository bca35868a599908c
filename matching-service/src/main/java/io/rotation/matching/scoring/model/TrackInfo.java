package io.rotation.matching.scoring.model;

import java.util.List;

/**
 * One track of a release. {@code artists} are the track's own credits (empty: the release's artists);
 * {@code position} as Discogs writes it ("A1", "CD1-1", "3", "" for headings).
 */
public record TrackInfo(long trackId, String position, String title, List<String> artists,
                        Integer durationSeconds) {
}
