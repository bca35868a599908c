package io.rotation.platform.audit;

import io.rotation.contracts.EventType;
import io.rotation.contracts.audit.AuditEntryRecorded;
import io.rotation.platform.event.OutboundEvent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Entries of the suite's audit trail ({@code rotation.audit.entries.v1}, key {@code entity_type:entity_id}),
 * to append to the outbox in the transaction of the change they record; analytics stores them once per
 * event id. The service is this application's {@code quarkus.application.name}. Values carry what changed
 * (statuses, prices, counts), never secrets or personal data.
 */
public final class AuditEntries {

    private static volatile String service;

    private AuditEntries() {
    }

    /** An entry: {@code actor} did {@code action} to {@code entityType} {@code entityId}. */
    public static OutboundEvent entry(AuditActor actor, String action, String entityType, Object entityId,
                                      Map<String, Object> oldValues, Map<String, Object> newValues) {
        String id = entityId == null ? null : String.valueOf(entityId);
        return OutboundEvent.of(EventType.AUDIT_ENTRY_RECORDED, entityType + ":" + id, new AuditEntryRecorded(
                service(), action, entityType, id, actor.userId(), actor.type(), oldValues, newValues,
                actor.requestId(), Instant.now(), actor.ipAddress(), actor.userAgent()));
    }

    /** A map of name/value pairs in order, which may hold nulls (Map.of refuses them). */
    public static Map<String, Object> values(Object... pairs) {
        if (pairs.length % 2 != 0) {
            throw new IllegalArgumentException("values come in name/value pairs");
        }
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    private static String service() {
        String name = service;
        if (name == null) {
            name = ConfigProvider.getConfig().getValue("quarkus.application.name", String.class);
            service = name;
        }
        return name;
    }
}
