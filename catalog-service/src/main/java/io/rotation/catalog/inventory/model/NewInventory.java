package io.rotation.catalog.inventory.model;

import java.math.BigDecimal;

/**
 * Body of POST /api/v1/inventory. Conditions are Discogs' strings ("Very Good Plus (VG+)"); status
 * defaults to active (for sale), currency to USD.
 */
public record NewInventory(Long storeId, Long recordId, String condition, String sleeveCondition, BigDecimal price,
                           String currency, String comments, String location, String status, Boolean allowOffers,
                           String shipsFrom) {
}
