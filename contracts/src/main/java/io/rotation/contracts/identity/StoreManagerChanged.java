package io.rotation.contracts.identity;

import java.time.Instant;

/** A user was made, or stopped being, a manager of a store ({@code action}: added, removed). */
public record StoreManagerChanged(long storeId, long userId, String action, String role, Instant changedAt) {
}
