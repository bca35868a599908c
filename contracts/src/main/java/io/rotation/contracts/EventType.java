package io.rotation.contracts;

import io.rotation.contracts.audit.AuditEntryRecorded;
import io.rotation.contracts.catalog.InventoryChanged;
import io.rotation.contracts.catalog.RecordUpserted;
import io.rotation.contracts.catalog.TrackUpserted;
import io.rotation.contracts.identity.StoreChanged;
import io.rotation.contracts.identity.StoreManagerChanged;
import io.rotation.contracts.identity.UserErased;
import io.rotation.contracts.identity.UserRegistered;
import io.rotation.contracts.userfeatures.PlayRecorded;

/**
 * Every event type of the suite: its CloudEvents {@code type}, the topic it travels on and the
 * payload record. The JSON Schema of each lives at {@code /schemas/<type>.json}.
 */
public enum EventType {
    USER_REGISTERED("io.rotation.identity.user.registered.v1", Topics.IDENTITY_USERS, UserRegistered.class),
    USER_ERASED("io.rotation.identity.user.erased.v1", Topics.IDENTITY_USERS, UserErased.class),
    STORE_CHANGED("io.rotation.identity.store.changed.v1", Topics.IDENTITY_STORES, StoreChanged.class),
    STORE_MANAGER_CHANGED("io.rotation.identity.store-manager.changed.v1", Topics.IDENTITY_STORES,
            StoreManagerChanged.class),
    RECORD_UPSERTED("io.rotation.catalog.record.upserted.v1", Topics.CATALOG_RECORDS, RecordUpserted.class),
    TRACK_UPSERTED("io.rotation.catalog.track.upserted.v1", Topics.CATALOG_RECORDS, TrackUpserted.class),
    INVENTORY_LISTED("io.rotation.catalog.inventory.listed.v1", Topics.CATALOG_INVENTORY, InventoryChanged.class),
    INVENTORY_CHANGED("io.rotation.catalog.inventory.changed.v1", Topics.CATALOG_INVENTORY, InventoryChanged.class),
    INVENTORY_SOLD("io.rotation.catalog.inventory.sold.v1", Topics.CATALOG_INVENTORY, InventoryChanged.class),
    INVENTORY_REMOVED("io.rotation.catalog.inventory.removed.v1", Topics.CATALOG_INVENTORY, InventoryChanged.class),
    PLAY_RECORDED("io.rotation.userfeatures.play.recorded.v1", Topics.USER_FEATURES_PLAYS, PlayRecorded.class),
    AUDIT_ENTRY_RECORDED("io.rotation.audit.entry.recorded.v1", Topics.AUDIT_ENTRIES, AuditEntryRecorded.class);

    private final String type;
    private final String topic;
    private final Class<? extends Record> payload;

    EventType(String type, String topic, Class<? extends Record> payload) {
        this.type = type;
        this.topic = topic;
        this.payload = payload;
    }

    public String type() {
        return type;
    }

    public String topic() {
        return topic;
    }

    public Class<? extends Record> payload() {
        return payload;
    }

    public String schemaResource() {
        return "/schemas/" + type + ".json";
    }
}
