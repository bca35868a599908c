package io.rotation.analytics.audit.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rotation.analytics.audit.model.AuditLog;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * audit_logs: set-based inserts on the caller's transaction (the consumer's, or an erasure's),
 * reads through Hibernate Reactive.
 */
@ApplicationScoped
public class AuditLogRepository {

    /** One statement for the whole batch; an entry stored before (same event id and time) is skipped. */
    private static final String INSERT = """
            insert into audit_logs (event_id, user_id, actor_type, action, entity_type, entity_id, old_values,
                                    new_values, service, request_id, occurred_at, ip_address)
            select * from unnest($1::uuid[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[],
                                 $7::text[]::jsonb[], $8::text[]::jsonb[], $9::text[], $10::text[], $11::timestamptz[],
                                 $12::text[]::inet[])
            on conflict (event_id, occurred_at) do nothing""";

    private final ObjectMapper mapper;
    private final Mutiny.SessionFactory sessions;

    public AuditLogRepository(ObjectMapper mapper, Mutiny.SessionFactory sessions) {
        this.mapper = mapper;
        this.sessions = sessions;
    }

    /** An audit row to write; {@code eventId} is null for rows a service here writes directly. */
    public record Entry(UUID eventId, Long userId, String actorType, String action, String entityType,
                        String entityId, Map<String, Object> oldValues, Map<String, Object> newValues,
                        String service, String requestId, Instant occurredAt, String clientAddress) {
    }

    /** Search criteria of the admin listing; null means any. */
    public record Filter(Long userId, String action, String entityType, String entityId) {
    }

    public Uni<Void> insert(SqlConnection connection, List<Entry> entries) {
        int n = entries.size();
        UUID[] eventIds = new UUID[n];
        Long[] users = new Long[n];
        String[] actors = new String[n];
        String[] actions = new String[n];
        String[] entityTypes = new String[n];
        String[] entityIds = new String[n];
        String[] oldValues = new String[n];
        String[] newValues = new String[n];
        String[] services = new String[n];
        String[] requests = new String[n];
        OffsetDateTime[] times = new OffsetDateTime[n];
        String[] addresses = new String[n];
        for (int i = 0; i < n; i++) {
            Entry e = entries.get(i);
            eventIds[i] = e.eventId();
            users[i] = e.userId();
            actors[i] = e.actorType();
            actions[i] = e.action();
            entityTypes[i] = e.entityType();
            entityIds[i] = e.entityId();
            oldValues[i] = json(e.oldValues());
            newValues[i] = json(e.newValues());
            services[i] = e.service();
            requests[i] = e.requestId();
            times[i] = e.occurredAt().atOffset(ZoneOffset.UTC);
            addresses[i] = e.clientAddress();
        }
        return connection.preparedQuery(INSERT)
                .execute(Tuple.tuple(List.of(eventIds, users, actors, actions, entityTypes, entityIds, oldValues,
                        newValues, services, requests, times, addresses)))
                .replaceWithVoid();
    }

    /** Newest first, after the (occurred_at, id) position of a cursor; at most {@code limit} rows. */
    public Uni<List<AuditLog>> listNewestFirst(Filter filter, Instant beforeAt, Long beforeId, int limit) {
        StringBuilder hql = new StringBuilder("from AuditLog a where 1 = 1");
        if (filter.userId() != null) {
            hql.append(" and a.userId = :user");
        }
        if (filter.action() != null) {
            hql.append(" and a.action = :action");
        }
        if (filter.entityType() != null) {
            hql.append(" and a.entityType = :entityType");
        }
        if (filter.entityId() != null) {
            hql.append(" and a.entityId = :entityId");
        }
        if (beforeAt != null) {
            hql.append(" and (a.occurredAt < :at or (a.occurredAt = :at and a.id < :id))");
        }
        hql.append(" order by a.occurredAt desc, a.id desc");
        return sessions.withSession(s -> {
            var query = s.createSelectionQuery(hql.toString(), AuditLog.class).setMaxResults(limit);
            if (filter.userId() != null) {
                query.setParameter("user", filter.userId());
            }
            if (filter.action() != null) {
                query.setParameter("action", filter.action());
            }
            if (filter.entityType() != null) {
                query.setParameter("entityType", filter.entityType());
            }
            if (filter.entityId() != null) {
                query.setParameter("entityId", filter.entityId());
            }
            if (beforeAt != null) {
                query.setParameter("at", beforeAt).setParameter("id", beforeId);
            }
            return query.getResultList();
        });
    }

    private String json(Map<String, Object> values) {
        if (values == null) {
            return null;
        }
        try {
            return mapper.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise audit values", e);
        }
    }
}
