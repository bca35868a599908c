package io.rotation.userfeatures.erasure.service;

import io.rotation.contracts.audit.AuditEntryRecorded;
import io.rotation.contracts.identity.UserErased;
import io.rotation.platform.consumer.IdempotentConsumer.Decoded;
import io.rotation.platform.event.OutboundEvent;
import io.rotation.platform.audit.AuditActor;
import io.rotation.platform.audit.AuditEntries;
import io.rotation.platform.outbox.Outbox;
import io.rotation.userfeatures.erasure.repository.ErasedUsers;
import io.rotation.userfeatures.erasure.repository.UserDataRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Erases a user's data and records it in the audit trail: the deletions, the user's entry in
 * erased_users (so that their still-valid tokens cannot write again) and the AuditEntryRecorded
 * event commit together on the consumer's transaction (which also claims the UserErased id), so
 * the trail says exactly what happened, once.
 */
@ApplicationScoped
public class UserErasureService {

    static final String ENTITY_USER = "user";

    private static final Logger LOG = Logger.getLogger(UserErasureService.class);

    private final UserDataRepository data;
    private final ErasedUsers erasedUsers;
    private final Outbox outbox;

    public UserErasureService(UserDataRepository data, ErasedUsers erasedUsers, Outbox outbox) {
        this.data = data;
        this.erasedUsers = erasedUsers;
        this.outbox = outbox;
    }

    /** Erases one user; the consumer applies a batch's erasures in turn (they are rare). */
    public Uni<Void> erase(SqlConnection connection, Decoded<UserErased> erasure) {
        long userId = erasure.payload().userId();
        return erasedUsers.lockForErasure(connection, userId)
                .chain(() -> data.erase(connection, userId))
                .invoke(counts -> LOG.infof("erased user %d: %s", userId, counts))
                .call(() -> erasedUsers.record(connection, userId, erasure.payload().erasedAt()))
                .chain(counts -> outbox.append(connection, audit(userId, counts, erasure.event().id().toString())));
    }

    /**
     * Counts only: the entry must not carry the personal data it reports gone. It is about the user,
     * done by the system on identity's event (its id stands for the request id).
     */
    private OutboundEvent audit(long userId, Map<String, Integer> counts, String causingEventId) {
        return AuditEntries.entry(AuditActor.systemFor(userId, causingEventId),
                AuditEntryRecorded.ACTION_USER_DATA_ERASED, ENTITY_USER, userId, null, new LinkedHashMap<>(counts));
    }
}
