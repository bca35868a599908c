package io.rotation.userfeatures.collection.model;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

/** A track to add; at the end unless {@code position} says where (later items move down one). */
public record NewItem(@NotNull @Positive Long trackId, @PositiveOrZero Integer position,
                      @Size(max = 2000) String note) {
}
