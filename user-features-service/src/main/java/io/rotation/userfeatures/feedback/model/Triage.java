package io.rotation.userfeatures.feedback.model;

/**
 * An admin's change of a report, read from PATCH's body: each field is applied only when
 * {@code *Set} (so that {@code "assigned_to": null} unassigns and an absent field stays).
 */
public record Triage(FeedbackStatus status, boolean assignedToSet, Long assignedTo, boolean resolutionSet,
                     String resolution, String priority) {
}
