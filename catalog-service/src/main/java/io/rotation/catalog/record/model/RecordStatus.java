package io.rotation.catalog.record.model;

/** The {@code record_status} enum; constants are spelled as the database spells them. */
public enum RecordStatus {
    active, sold, reserved, draft, removed
}
