package io.rotation.matching.audio.service;

import io.rotation.platform.settings.Settings;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * matching's thresholds as they apply now: config-service's settings (read through platform
 * {@link Settings}, so an admin's change applies within a poll, without a restart), each falling back to
 * its configuration property ({@link MatchingSettings}) while no such setting exists.
 */
@ApplicationScoped
public class MatchThresholds {

    public static final String AUTO_APPROVE = "matching.threshold.auto-approve";
    public static final String REVIEW = "matching.threshold.review";
    public static final String REPORTERS_TO_DEMOTE = "matching.feedback.reporters-to-demote";

    private final Settings settings;
    private final MatchingSettings configured;

    public MatchThresholds(Settings settings, MatchingSettings configured) {
        this.settings = settings;
        this.configured = configured;
    }

    /** At or above: {@code auto_approved}. */
    public double autoApprove() {
        return settings.number(AUTO_APPROVE, configured.threshold().autoApprove());
    }

    /** At or above (and below auto-approve): {@code needs_review}; below: dropped. */
    public double review() {
        return settings.number(REVIEW, configured.threshold().review());
    }

    /** Distinct listeners whose bad_match reports send a served match to review. */
    public long reportersToDemote() {
        return settings.whole(REPORTERS_TO_DEMOTE, configured.feedback().reportersToDemote());
    }
}
