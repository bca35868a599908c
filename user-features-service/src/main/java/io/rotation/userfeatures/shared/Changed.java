package io.rotation.userfeatures.shared;

/** The outcome of an idempotent write: the thing as stored, and whether this call created it. */
public record Changed<T>(T value, boolean created) {
}
