package io.rotation.matching.erasure.service;

import io.rotation.contracts.audit.AuditEntryRecorded;
import io.rotation.contracts.identity.UserErased;
import io.rotation.platform.consumer.IdempotentConsumer.Decoded;
import io.rotation.platform.audit.AuditActor;
import io.rotation.platform.audit.AuditEntries;
import io.rotation.platform.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A user's traces in matching anonymised: who verified a match, who changed it in the history, who
 * reported it. The decisions and reports stay (they are the catalog's quality record), without the
 * person. An audit entry with the counts commits with them.
 */
@ApplicationScoped
public class UserErasureService {

    private final Outbox outbox;

    public UserErasureService(Outbox outbox) {
        this.outbox = outbox;
    }

    public Uni<Void> erase(SqlConnection connection, Decoded<UserErased> erasure) {
        long userId = erasure.payload().userId();
        Map<String, Object> counts = new LinkedHashMap<>();
        return count(connection, "update audio_matches set verified_by = null where verified_by = $1", userId,
                "audio_matches_verified_by", counts)
                .chain(() -> count(connection, "update audio_match_history set changed_by = null where changed_by = $1",
                        userId, "audio_match_history_changed_by", counts))
                .chain(() -> count(connection, "update match_reports set user_id = null where user_id = $1", userId,
                        "match_reports_user_id", counts))
                .chain(() -> outbox.append(connection, AuditEntries.entry(
                        AuditActor.systemFor(userId, erasure.event().id().toString()),
                        AuditEntryRecorded.ACTION_USER_DATA_ERASED, "user", userId, null, counts)));
    }

    private static Uni<Void> count(SqlConnection connection, String sql, long userId, String name,
                                   Map<String, Object> counts) {
        return connection.preparedQuery(sql).execute(Tuple.of(userId))
                .invoke(rows -> counts.put(name, rows.rowCount())).replaceWithVoid();
    }
}
