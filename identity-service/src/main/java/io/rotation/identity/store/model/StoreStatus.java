package io.rotation.identity.store.model;

/** The {@code store_status} enum; constants spelled as the database spells them. */
public enum StoreStatus {
    active, pending, suspended, inactive
}
