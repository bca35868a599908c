package io.rotation.contracts.identity;

import java.time.Instant;

/**
 * A store was created or changed (details or status). Carries the store's current public state;
 * {@code change} says what happened: created, updated, status_changed.
 */
public record StoreChanged(long storeId, String change, String name, String slug, String discogsUsername,
                           String status, Long ownerUserId, Instant changedAt) {
}
