package io.rotation.userfeatures.collection.model;

import java.time.Instant;

/**
 * A track in a collection, at its position (0-based, dense). {@code available} is false once the
 * track went away from the catalog: the item stays in place, shown as unavailable.
 */
public record CollectionItemView(long id, long collectionId, long trackId, Long recordId, int position,
                                 Integer durationSeconds, String note, Instant addedAt, String title, String artist,
                                 boolean available) {
}
