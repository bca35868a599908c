package io.rotation.contracts.catalog;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A copy for sale in a store, as it is after a change. The same payload carries InventoryListed,
 * InventoryChanged, InventorySold and InventoryRemoved (the CloudEvents type says which).
 */
public record InventoryChanged(long inventoryId, long storeId, long recordId, Long discogsListingId,
                               String condition, String sleeveCondition, BigDecimal price, String currency,
                               String status, Instant changedAt) {
}
