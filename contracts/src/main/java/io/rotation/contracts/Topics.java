package io.rotation.contracts;

/**
 * Kafka topic names, {@code rotation.<service>.<entity>.v<N>}. The message key is the aggregate id
 * (the user id for plays, so that one user's plays stay in order).
 */
public final class Topics {
    public static final String IDENTITY_USERS = "rotation.identity.users.v1";
    public static final String IDENTITY_STORES = "rotation.identity.stores.v1";
    public static final String CATALOG_RECORDS = "rotation.catalog.records.v1";
    public static final String CATALOG_INVENTORY = "rotation.catalog.inventory.v1";
    public static final String USER_FEATURES_PLAYS = "rotation.user-features.plays.v1";
    /** The audit trail: every service sends here, analytics stores it (key = entity_type:entity_id). */
    public static final String AUDIT_ENTRIES = "rotation.audit.entries.v1";

    /** Suffix of the dead-letter topic a consumer sends a poison message to. */
    public static final String DEAD_LETTER_SUFFIX = ".dlq";

    private Topics() {
    }

    public static String deadLetterOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
