package io.rotation.userfeatures.play.model;

import java.math.BigDecimal;
import java.time.Instant;

/** A stored play as the API shows it. */
public record Play(long id, long userId, long trackId, Long recordId, Instant playedAt, Integer durationPlayedMs,
                   BigDecimal completionPercentage, PlayAction action, String sessionId, String device) {

    public static Play of(PlayHistory row) {
        return new Play(row.id, row.userId, row.trackId, row.recordId, row.playedAt, row.durationPlayedMs,
                row.completionPercentage, row.action, row.sessionId, row.device);
    }
}
