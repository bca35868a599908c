package io.rotation.userfeatures.feedback.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

/**
 * A report: its type, a title, optionally what it is about ({@code entity_type} and {@code entity_id}
 * together) and, for {@code bad_match}, the audio match (required there: matching acts on it).
 */
public record NewFeedback(@NotNull String feedbackType, @NotBlank @Size(max = 200) String title,
                          @Size(max = 5000) String description, String entityType, @Positive Long entityId,
                          @Positive Long audioMatchId) {
}
