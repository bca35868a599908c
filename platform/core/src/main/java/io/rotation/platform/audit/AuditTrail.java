package io.rotation.platform.audit;

import io.rotation.contracts.EventType;
import io.rotation.contracts.audit.AuditEntryRecorded;
import io.rotation.platform.event.OutboundEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This service's entries in the suite's audit trail (AuditEntryRecorded on
 * {@code rotation.audit.entries.v1}, stored by analytics in {@code audit_logs}). An entry is an
 * outbox event: append it on the transaction of the change it records, so that it exists exactly
 * when the change does. Values carry statuses, roles, ids and counts, never secrets.
 */
@ApplicationScoped
public class AuditTrail {

    private final String service;

    public AuditTrail(@ConfigProperty(name = "quarkus.application.name") String service) {
        this.service = service;
    }

    /** An entry about {@code entityType:entityId} (also the event's key) caused by {@code actor}. */
    public OutboundEvent entry(AuditActor actor, String action, String entityType, Object entityId,
                               Map<String, Object> oldValues, Map<String, Object> newValues) {
        String id = String.valueOf(entityId);
        return OutboundEvent.of(EventType.AUDIT_ENTRY_RECORDED, entityType + ":" + id, new AuditEntryRecorded(
                service, action, entityType, id, actor.userId(), actor.actorType(), oldValues, newValues,
                actor.requestId(), Instant.now(), actor.clientAddress()));
    }
}
