package io.rotation.userfeatures.erasure.repository;

import io.rotation.platform.problem.ProblemException;
import io.rotation.platform.problem.ProblemType;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * The users identity erased. Their access tokens stay valid for up to 15 minutes after the
 * erasure, so a write for a user first checks here. A transaction-scoped advisory lock per user
 * orders writes with the erasure: writes share it, the erasure takes it alone, so either the write
 * commits first and the erasure removes its rows, or it waits and then sees the erasure.
 */
@ApplicationScoped
public class ErasedUsers {

    /** (namespace, user): the two-int advisory key space, apart from the outbox relay's one-key lock. */
    private static final String KEY = "hashtext(current_schema() || '.user-writes'), hashtext($1::bigint::text)";
    private static final String LOCK_SHARED = "select pg_advisory_xact_lock_shared(" + KEY + ")";
    private static final String LOCK_EXCLUSIVE = "select pg_advisory_xact_lock(" + KEY + ")";
    private static final String IS_ERASED = "select 1 from erased_users where user_id = $1";
    private static final String RECORD = """
            insert into erased_users (user_id, erased_at) values ($1, $2) on conflict (user_id) do nothing""";

    /** Fails with 401 when the user was erased; call before writing their data, in the same transaction. */
    public Uni<Void> guardWrite(SqlConnection connection, long userId) {
        // two statements: the look must take its snapshot after the lock was granted
        return connection.preparedQuery(LOCK_SHARED).execute(Tuple.of(userId))
                .chain(() -> connection.preparedQuery(IS_ERASED).execute(Tuple.of(userId)))
                .invoke(rows -> {
                    if (rows.size() > 0) {
                        throw new ProblemException(ProblemType.UNAUTHORIZED, "this account was erased");
                    }
                })
                .replaceWithVoid();
    }

    /** Waits for the user's writes in flight and holds new ones off until the erasure commits. */
    public Uni<Void> lockForErasure(SqlConnection connection, long userId) {
        return connection.preparedQuery(LOCK_EXCLUSIVE).execute(Tuple.of(userId)).replaceWithVoid();
    }

    public Uni<Void> record(SqlConnection connection, long userId, Instant erasedAt) {
        return connection.preparedQuery(RECORD)
                .execute(Tuple.of(userId, (erasedAt == null ? Instant.now() : erasedAt).atOffset(ZoneOffset.UTC)))
                .replaceWithVoid();
    }
}
