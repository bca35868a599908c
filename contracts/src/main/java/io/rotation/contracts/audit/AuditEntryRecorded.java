package io.rotation.contracts.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One entry of the suite's audit trail, sent by the service where the change happened and stored
 * by analytics in {@code analytics.audit_logs} (once per {@code ce_id}). {@code userId} is the
 * identity user the entry is about or who acted; {@code actorType} is {@code user}, {@code service}
 * or {@code system}. Values never carry secrets or personal data that an erasure removed.
 * {@code ipAddress} (the client's address, IPv4 or IPv6) and {@code userAgent} are set for changes made
 * through the API (platform's {@code AuditActor}); they came later and are absent from older entries.
 */
public record AuditEntryRecorded(
        String service,
        String action,
        String entityType,
        String entityId,
        Long userId,
        String actorType,
        Map<String, Object> oldValues,
        Map<String, Object> newValues,
        String requestId,
        Instant occurredAt,
        String ipAddress,
        String userAgent) {

    /** An entry without the client's address and browser (changes not made through the API). */
    public AuditEntryRecorded(String service, String action, String entityType, String entityId, Long userId,
                              String actorType, Map<String, Object> oldValues, Map<String, Object> newValues,
                              String requestId, Instant occurredAt) {
        this(service, action, entityType, entityId, userId, actorType, oldValues, newValues, requestId, occurredAt,
                null, null);
    }

    /** Actions other services can rely on. */
    public static final String ACTION_USER_DATA_ERASED = "user_data_erased";
}
