package io.rotation.identity.audit;

/**
 * The actions identity records in the suite's audit trail (entries built with platform's
 * {@code AuditEntries}); values carry roles, statuses and counts, never personal data or secrets.
 */
public final class AuditActions {

    /** An admin changed a user's role or is_active; user_id is the admin. */
    public static final String USER_ACCESS_CHANGED = "user_access_changed";
    /** An admin changed a store's status; user_id is the admin. */
    public static final String STORE_STATUS_CHANGED = "store_status_changed";

    private AuditActions() {
    }
}
