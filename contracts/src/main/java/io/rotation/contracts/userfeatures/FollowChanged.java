package io.rotation.contracts.userfeatures;

import java.time.Instant;

/**
 * A user followed or unfollowed a store or another user (key = follower id); the event type says
 * which. {@code targetType} is store or user.
 */
public record FollowChanged(long followerId, String targetType, long targetId, Instant occurredAt) {
}
