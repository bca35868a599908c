package io.rotation.contracts.audit;

import java.time.Instant;
import java.util.Map;

/**
 * One entry of the suite's audit trail, sent by the service where the change happened and stored
 * by analytics in {@code analytics.audit_logs} (once per {@code ce_id}). {@code userId} is the
 * identity user the entry is about or who acted; {@code actorType} is {@code user}, {@code service}
 * or {@code system}. {@code requestId} is the request's X-Request-Id and {@code clientAddress} the
 * address it came from (both null when no request caused it). Values never carry secrets or personal
 * data that an erasure removed.
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
        String clientAddress) {

    /** An entry without a client address (no request caused it, or the sender does not know it). */
    public AuditEntryRecorded(String service, String action, String entityType, String entityId, Long userId,
                              String actorType, Map<String, Object> oldValues, Map<String, Object> newValues,
                              String requestId, Instant occurredAt) {
        this(service, action, entityType, entityId, userId, actorType, oldValues, newValues, requestId, occurredAt,
                null);
    }

    /** Actions other services can rely on. */
    public static final String ACTION_USER_DATA_ERASED = "user_data_erased";
}
