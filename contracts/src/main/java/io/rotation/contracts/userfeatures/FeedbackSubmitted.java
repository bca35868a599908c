package io.rotation.contracts.userfeatures;

import java.time.Instant;

/**
 * A user reported a problem (key = feedback id). matching acts on {@code bad_match} with an
 * {@code audioMatchId}; analytics counts every type. {@code feedbackType} is a value of
 * {@code feedback_type}; {@code entityType} one of track, record, store, audio_match, user, collection.
 */
public record FeedbackSubmitted(long feedbackId, Long userId, String feedbackType, String entityType,
                                Long entityId, Long audioMatchId, String title, Instant submittedAt) {
}
