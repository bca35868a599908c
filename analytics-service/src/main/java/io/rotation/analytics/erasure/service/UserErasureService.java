package io.rotation.analytics.erasure.service;

import io.rotation.analytics.audit.model.AuditLog;
import io.rotation.analytics.audit.repository.AuditLogRepository;
import io.rotation.analytics.audit.repository.AuditLogRepository.Entry;
import io.rotation.analytics.erasure.repository.UserDataRepository;
import io.rotation.contracts.audit.AuditEntryRecorded;
import io.rotation.contracts.identity.UserErased;
import io.rotation.platform.consumer.IdempotentConsumer.Decoded;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Erases a user's data in analytics and records it in audit_logs directly (analytics is where the
 * trail lives, so no event is needed): both commit on the consumer's transaction, which also
 * claims the UserErased id, so the erasure and its audit row happen exactly once.
 */
@ApplicationScoped
public class UserErasureService {

    static final String SERVICE = "analytics-service";
    static final String ENTITY_USER = "user";

    private static final Logger LOG = Logger.getLogger(UserErasureService.class);

    private final UserDataRepository data;
    private final AuditLogRepository auditLogs;

    public UserErasureService(UserDataRepository data, AuditLogRepository auditLogs) {
        this.data = data;
        this.auditLogs = auditLogs;
    }

    /** Erases one user; the consumer applies a batch's erasures in turn (they are rare). */
    public Uni<Void> erase(SqlConnection connection, Decoded<UserErased> erasure) {
        long userId = erasure.payload().userId();
        return data.erase(connection, userId)
                .invoke(counts -> LOG.infof("erased user %d: %s", userId, counts))
                .chain(counts -> auditLogs.insert(connection, List.of(new Entry(null, userId,
                        AuditLog.ACTOR_SYSTEM, AuditEntryRecorded.ACTION_USER_DATA_ERASED, ENTITY_USER,
                        String.valueOf(userId), null, new LinkedHashMap<String, Object>(counts), SERVICE,
                        erasure.event().id().toString(), Instant.now(), null))));
    }
}
