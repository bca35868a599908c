package io.rotation.contracts.userfeatures;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A play was stored in play_history. user-features now announces its plays in {@link PlaysRecorded}
 * (one event per request, each play in this shape); events of this type already on the plays topic
 * are still consumed. Announced exactly once per stored play; a client's retry of the same
 * (user, track, played_at) is not stored again and so not announced again.
 */
public record PlayRecorded(
        long playId,
        long userId,
        long trackId,
        Long recordId,
        Instant playedAt,
        Integer durationPlayedMs,
        BigDecimal completionPercentage,
        String action,
        String sessionId,
        String device) {
}
