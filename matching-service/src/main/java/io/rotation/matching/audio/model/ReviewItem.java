package io.rotation.matching.audio.model;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A match waiting for review, with why matching scored it so ({@code scoreParts}), how many listeners
 * reported it, the track it is for, and the track's other live candidates.
 */
public record ReviewItem(MatchView match, Map<String, Object> scoreParts, long reporters, Instant waitingSince,
                         TrackSummary track, List<CandidateView> candidates) {

    /** The track as matching's projection knows it. */
    public record TrackSummary(long trackId, Long recordId, String position, String title, Integer durationSeconds,
                               String releaseTitle, List<String> releaseArtists) {
    }

    /** A scored candidate of the track (match_candidates, live for an hour after a matching run). */
    public record CandidateView(String platform, String externalId, String url, String title,
                                Integer durationSeconds, double score, Map<String, Object> parts) {
    }
}
