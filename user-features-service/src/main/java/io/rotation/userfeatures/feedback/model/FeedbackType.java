package io.rotation.userfeatures.feedback.model;

/** The {@code feedback_type} enum; constants are spelled as the database spells them. */
public enum FeedbackType {
    bad_match, missing_audio, wrong_metadata, poor_audio_quality, duplicate_record, broken_link,
    inappropriate_content, feature_request, bug_report, other
}
