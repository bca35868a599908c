package io.rotation.matching.audio.model;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A match as clients see it (GET /api/v1/matches…): where to play a track, and how sure matching is. */
public record MatchView(long id, long trackId, Long recordId, String platform, String externalId, String url,
                        String title, Integer durationSeconds, double confidenceScore, String status,
                        @JsonProperty("is_primary") boolean isPrimary, String matchMethod) {
}
