package io.rotation.catalog.inventory.model;

import io.rotation.catalog.record.model.RecordStatus;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The writable columns of a copy, validated: what POST inserts, what PATCH and the store sync
 * update. Conditions and status are database labels.
 */
public record InventoryState(RecordCondition condition, SleeveCondition sleeveCondition, BigDecimal price,
                             String currency, RecordStatus status, String comments, String location,
                             String shipsFrom, boolean allowOffers, Instant listedAt, Instant soldAt) {

    public String conditionLabel() {
        return condition.label();
    }

    public String sleeveConditionLabel() {
        return sleeveCondition == null ? null : sleeveCondition.label();
    }

    /**
     * This state with the timestamps a status change implies: sold_at when it becomes sold (kept
     * while it stays sold, cleared when it is put back), listed_at when it is first offered.
     */
    public InventoryState stamped(RecordStatus before, Instant now) {
        Instant sold = status == RecordStatus.sold ? (before == RecordStatus.sold && soldAt != null ? soldAt : now)
                : null;
        Instant listed = listedAt == null && status == RecordStatus.active ? now : listedAt;
        if (sold != null && listed != null && sold.isBefore(listed)) {
            listed = sold;
        }
        return new InventoryState(condition, sleeveCondition, price, currency, status, comments, location, shipsFrom,
                allowOffers, listed, sold);
    }
}
