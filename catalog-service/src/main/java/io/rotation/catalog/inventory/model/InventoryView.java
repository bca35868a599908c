package io.rotation.catalog.inventory.model;

import io.rotation.contracts.catalog.InventoryChanged;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * A copy in a store's inventory as the API shows it (snake_case on the wire), with the store's name
 * (from the stores projection; null until catalog has heard of the store) and the record's artist,
 * title and thumbnail.
 */
public record InventoryView(long id, long storeId, String storeName, long recordId, String artist, String title,
                            String thumbnail, Long discogsListingId, String condition, String sleeveCondition,
                            BigDecimal price, String currency, String status, String comments, String location,
                            String shipsFrom, boolean allowOffers, Instant listedAt, Instant soldAt,
                            Instant lastSyncedAt, Instant createdAt, Instant updatedAt) {

    /** The event payload announcing this state. */
    public InventoryChanged event(Instant changedAt) {
        return new InventoryChanged(id, storeId, recordId, discogsListingId, condition, sleeveCondition, price,
                currency, status, changedAt);
    }
}
