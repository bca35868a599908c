package io.rotation.userfeatures.favorite.model;

import io.rotation.userfeatures.shared.model.TypedTarget;
import java.time.Instant;

/**
 * A favorite as the API shows it. {@code available} is false when the thing went away after it was
 * favorited (a track its record dropped, a store no longer active, a rejected match): the favorite
 * stays, so that it comes back with the thing.
 */
public record FavoriteItem(String type, long id, Instant createdAt, boolean available) implements TypedTarget {
}
