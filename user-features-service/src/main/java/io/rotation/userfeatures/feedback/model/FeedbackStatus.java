package io.rotation.userfeatures.feedback.model;

/** The {@code feedback_status} enum; constants are spelled as the database spells them. */
public enum FeedbackStatus {
    open, in_review, resolved, dismissed
}
