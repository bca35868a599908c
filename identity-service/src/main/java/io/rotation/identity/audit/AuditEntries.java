package io.rotation.identity.audit;

import io.rotation.contracts.EventType;
import io.rotation.contracts.audit.AuditEntryRecorded;
import io.rotation.platform.event.OutboundEvent;
import java.time.Instant;
import java.util.Map;

/**
 * identity's entries in the audit trail, appended to the outbox in the transaction of the change
 * they record (key {@code entity_type:entity_id}). Values carry roles, statuses and counts, never
 * personal data or secrets.
 */
public final class AuditEntries {

    public static final String SERVICE = "identity-service";
    /** An admin changed a user's role or is_active; user_id is the admin. */
    public static final String ACTION_USER_ACCESS_CHANGED = "user_access_changed";
    /** An admin changed a store's status; user_id is the admin. */
    public static final String ACTION_STORE_STATUS_CHANGED = "store_status_changed";

    private AuditEntries() {
    }

    /** An entry for a change a user (the actor, {@code userId}) made to an entity. */
    public static OutboundEvent byUser(String action, String entityType, long entityId, long userId,
                                       Map<String, Object> oldValues, Map<String, Object> newValues) {
        return OutboundEvent.of(EventType.AUDIT_ENTRY_RECORDED, entityType + ":" + entityId, new AuditEntryRecorded(
                SERVICE, action, entityType, String.valueOf(entityId), userId, "user", oldValues, newValues, null,
                Instant.now()));
    }
}
