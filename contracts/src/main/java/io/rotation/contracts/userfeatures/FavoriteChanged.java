package io.rotation.contracts.userfeatures;

import java.time.Instant;

/**
 * A user added or removed a favorite (key = user id); the event type says which. {@code itemType} is
 * track, record, store or audio_match.
 */
public record FavoriteChanged(long userId, String itemType, long itemId, Instant occurredAt) {
}
