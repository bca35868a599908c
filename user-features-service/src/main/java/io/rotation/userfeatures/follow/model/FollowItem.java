package io.rotation.userfeatures.follow.model;

import io.rotation.userfeatures.shared.model.TypedTarget;
import java.time.Instant;

/** Whom the user follows: a store or a user; {@code available} false once the store is no longer active. */
public record FollowItem(String type, long id, Instant createdAt, boolean notificationsEnabled, boolean available) implements TypedTarget {
}
