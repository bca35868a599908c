package io.rotation.catalog.inventory.model;

import io.rotation.catalog.record.model.RecordStatus;
import io.rotation.contracts.EventType;

/** Which inventory event a change is: listed, sold, removed, or otherwise changed. */
public final class InventoryEventType {

    private InventoryEventType() {
    }

    public static EventType ofNew() {
        return EventType.INVENTORY_LISTED;
    }

    public static EventType ofChange(RecordStatus before, RecordStatus after) {
        if (after == RecordStatus.sold && before != RecordStatus.sold) {
            return EventType.INVENTORY_SOLD;
        }
        if (after == RecordStatus.removed && before != RecordStatus.removed) {
            return EventType.INVENTORY_REMOVED;
        }
        return EventType.INVENTORY_CHANGED;
    }
}
