package io.rotation.matching.scoring.model;

import io.rotation.matching.audio.model.MatchStatus;
import java.util.Optional;

/**
 * Where a candidate's confidence puts it: at or above {@code autoApprove} it is {@code auto_approved}; at
 * or above {@code review}, {@code needs_review}; below, dropped. The values are settings; the defaults
 * are the ones measured on the hand labels of the Discogs sample (bench/matching, bench/README.md).
 */
public record Thresholds(double autoApprove, double review) {

    /** Measured: on the held-out half of the labels, every auto-approved video was the right track. */
    public static final double DEFAULT_AUTO_APPROVE = 0.95;
    /** Measured: below it, hardly any labelled video is its track; above it, a reviewer's time is well spent. */
    public static final double DEFAULT_REVIEW = 0.5;
    public static final Thresholds DEFAULTS = new Thresholds(DEFAULT_AUTO_APPROVE, DEFAULT_REVIEW);

    public Thresholds {
        if (!(review >= 0 && review <= autoApprove && autoApprove <= 1)) {
            throw new IllegalArgumentException(
                    "thresholds must satisfy 0 <= review <= autoApprove <= 1, got review=" + review
                            + " autoApprove=" + autoApprove);
        }
    }

    /** {@code auto_approved}, {@code needs_review}, or empty: the candidate is dropped. */
    public Optional<MatchStatus> statusFor(double confidence) {
        if (confidence >= autoApprove) {
            return Optional.of(MatchStatus.auto_approved);
        }
        if (confidence >= review) {
            return Optional.of(MatchStatus.needs_review);
        }
        return Optional.empty();
    }
}
