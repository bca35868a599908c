package io.rotation.analytics.audit.model;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** An audit_logs row as the admin API shows it. */
public record AuditLogView(long id, UUID eventId, Long userId, String actorType, String action, String entityType,
                           String entityId, Map<String, Object> oldValues, Map<String, Object> newValues,
                           String service, String requestId, String ipAddress, String userAgent,
                           Instant occurredAt, Instant createdAt) {

    public static AuditLogView of(AuditLog row) {
        return new AuditLogView(row.id, row.eventId, row.userId, row.actorType, row.action, row.entityType,
                row.entityId, row.oldValues, row.newValues, row.service, row.requestId, row.ipAddress,
                row.userAgent, row.occurredAt, row.createdAt);
    }
}
