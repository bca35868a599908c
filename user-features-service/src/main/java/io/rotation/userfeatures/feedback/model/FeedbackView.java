package io.rotation.userfeatures.feedback.model;

import java.time.Instant;

/** A report as the API shows it to its reporter and to admins. */
public record FeedbackView(long id, Long userId, String feedbackType, String status, String priority,
                           String entityType, Long entityId, Long audioMatchId, String title, String description,
                           Long assignedTo, String resolution, Instant resolvedAt, Instant createdAt,
                           Instant updatedAt) {
}
