package io.rotation.userfeatures.collection.model;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** A collection as the API shows it; item_count and total_duration_seconds are kept by the stats trigger. */
public record CollectionView(long id, long userId, String name, String description,
                             @JsonProperty("is_public") boolean isPublic, int itemCount, long totalDurationSeconds,
                             Instant createdAt, Instant updatedAt) {
}
