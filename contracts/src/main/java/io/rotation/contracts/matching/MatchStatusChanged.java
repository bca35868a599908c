package io.rotation.contracts.matching;

import java.time.Instant;

/**
 * A match changed status or primacy (key = track id): a review, a bad-match report, a demotion.
 * {@code changedBy} is the identity user id of the reviewer, null for the system.
 */
public record MatchStatusChanged(long matchId, long trackId, Long recordId, String platform, String oldStatus,
                                 String newStatus, boolean primary, String reason, Long changedBy,
                                 Instant changedAt) {
}
