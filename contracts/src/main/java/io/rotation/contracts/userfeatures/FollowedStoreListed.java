package io.rotation.contracts.userfeatures;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A store the user follows (with notifications on) listed a copy for sale (key = user id): one event
 * per follower, so that a notifier sends what it receives and analytics counts reach.
 */
public record FollowedStoreListed(long userId, long storeId, long inventoryId, long recordId, String condition,
                                  BigDecimal price, String currency, Instant listedAt) {
}
