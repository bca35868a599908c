package io.rotation.contracts.identity;

import java.time.Instant;

/**
 * A store was created or changed (details or status). Carries the store's current public state;
 * {@code change} says what happened: created, updated, status_changed. {@code version} is the store
 * row's version, which identity's database raises on every update: consumers order by it, not by
 * {@code changed_at} (a node's clock), and keep the state of the highest version.
 */
public record StoreChanged(long storeId, String change, String name, String slug, String discogsUsername,
                           String status, Long ownerUserId, Instant changedAt, Long version) {
}
