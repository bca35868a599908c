package io.rotation.userfeatures.collection.model;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

/** Where an item goes; the items in between shift by one, so positions stay 0..n-1. */
public record ItemMove(@NotNull @PositiveOrZero Integer position) {
}
