package io.rotation.analytics.audit.consumer;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rotation.analytics.audit.model.AuditLog;
import io.rotation.analytics.audit.repository.AuditLogRepository;
import io.rotation.analytics.audit.repository.AuditLogRepository.Entry;
import com.google.common.net.InetAddresses;
import io.rotation.contracts.EventType;
import io.rotation.contracts.audit.AuditEntryRecorded;
import io.rotation.platform.consumer.IdempotentConsumer;
import io.rotation.platform.event.InboundEvent;
import io.rotation.platform.event.PoisonEventException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Every service's AuditEntryRecorded, stored in audit_logs in batches, once per event id (the id is
 * claimed in processed_event, and audit_logs' unique (event_id, occurred_at) backs it up).
 */
@ApplicationScoped
public class AuditEntryConsumer {

    /** The name this consumer claims event ids under in processed_event. */
    static final String CONSUMER = "analytics.audit-entries";

    /**
     * audit_logs is partitioned by month of occurred_at: a far-future row would sit in the default
     * partition and block creating its month later, so such an entry is parked on the DLQ.
     */
    static final Duration MAX_CLOCK_SKEW = Duration.ofDays(1);

    private static final Set<String> ACTORS = Set.of(AuditLog.ACTOR_USER, AuditLog.ACTOR_SERVICE,
            AuditLog.ACTOR_SYSTEM);

    private final IdempotentConsumer consumer;
    private final AuditLogRepository auditLogs;
    private final ObjectMapper mapper;

    public AuditEntryConsumer(IdempotentConsumer consumer, AuditLogRepository auditLogs, ObjectMapper mapper) {
        this.consumer = consumer;
        this.auditLogs = auditLogs;
        this.mapper = mapper;
    }

    @Incoming("audit-entries")
    public Uni<Void> consume(ConsumerRecords<String, byte[]> records) {
        return consumer.consume(records, CONSUMER, this::decode, (connection, entries) ->
                auditLogs.insert(connection, entries.stream().map(d -> d.payload()).toList()));
    }

    private Entry decode(InboundEvent event) {
        if (!EventType.AUDIT_ENTRY_RECORDED.type().equals(event.type())) {
            throw new PoisonEventException("unexpected event type " + event.type());
        }
        AuditEntryRecorded e = event.data(mapper, AuditEntryRecorded.class);
        if (blank(e.service()) || blank(e.action()) || blank(e.entityType())) {
            throw new PoisonEventException("AuditEntryRecorded without service, action or entity_type");
        }
        if (e.actorType() == null || !ACTORS.contains(e.actorType())) {
            throw new PoisonEventException("AuditEntryRecorded actor_type must be one of " + ACTORS);
        }
        Instant occurredAt = e.occurredAt() == null ? event.time() : e.occurredAt();
        if (occurredAt.isAfter(Instant.now().plus(MAX_CLOCK_SKEW))) {
            throw new PoisonEventException("AuditEntryRecorded occurred_at " + occurredAt + " is in the future");
        }
        return new Entry(event.id(), e.userId(), e.actorType(), e.action(), e.entityType(), e.entityId(),
                e.oldValues(), e.newValues(), e.service(), e.requestId(), occurredAt, address(e.clientAddress()));
    }

    /** An IP address literal, or null: anything else is not stored (the column is inet). */
    private static String address(String value) {
        return value != null && InetAddresses.isInetAddress(value) ? value : null;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
