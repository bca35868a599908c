package io.rotation.catalog.inventory.model;

/** Body of POST /api/v1/inventory/sync: the store whose inventory is made equal to its Discogs listings. */
public record SyncRequest(Long storeId) {
}
