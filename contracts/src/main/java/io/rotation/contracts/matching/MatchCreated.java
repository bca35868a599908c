package io.rotation.contracts.matching;

import java.time.Instant;

/**
 * matching found or was given a playable audio match for a track (key = track id). {@code status} is
 * a value of {@code match_status}; {@code platform} of {@code audio_platform}.
 */
public record MatchCreated(long matchId, long trackId, Long recordId, String platform, String externalId,
                           String url, String title, Integer durationSeconds, double confidenceScore,
                           String status, boolean primary, Instant createdAt) {
}
