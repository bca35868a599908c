package io.rotation.identity.store.model;

import java.time.Instant;

/** A row of store_managers as the API shows it. */
public record ManagerView(long storeId, long userId, String role, Long addedBy, Instant createdAt) {
}
