package io.rotation.userfeatures.follow.model;

import java.time.Instant;

/** Someone who follows a store or a user, since when. */
public record Follower(long userId, Instant followedAt) {
}
