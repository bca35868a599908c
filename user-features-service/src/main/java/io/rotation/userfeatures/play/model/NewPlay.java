package io.rotation.userfeatures.play.model;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;

/** One play as a client reports it; {@code played_at} defaults to the time it is received. */
public record NewPlay(
        @NotNull @Positive Long trackId,
        @Positive Long recordId,
        Instant playedAt,
        @PositiveOrZero Integer durationPlayedMs,
        @DecimalMin("0") @DecimalMax("100") BigDecimal completionPercentage,
        PlayAction action,
        @Size(max = 128) String sessionId,
        @Size(max = 128) String device) {
}
