package io.rotation.platform.consumer;

import io.vertx.core.VertxException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.common.errors.RetriableException;

/**
 * What retrying an effect can achieve. {@link #TRANSIENT}: the database or broker is briefly
 * unavailable or the transaction lost a race (connection lost, serialization failure, deadlock,
 * lock timeout) — retried with back-off for as long as it takes. {@link #PERMANENT}: the data or
 * the code is wrong (data exceptions, constraint violations, bugs) — retried a bounded number of
 * times, because a constraint violation can heal (a referenced row that arrives a moment later, a
 * unique race with another writer), then dead-lettered.
 */
public enum Failures {
    TRANSIENT,
    PERMANENT;

    /** SQLSTATE classes where the statement was fine but the server or connection was not. */
    private static final Set<String> TRANSIENT_CLASSES = Set.of(
            "08", // connection exception
            "53", // insufficient resources (too many connections, disk full)
            "57", // operator intervention (admin shutdown, crash shutdown, cannot connect now)
            "58"); // system error (I/O)

    /** Single SQLSTATEs of other classes that a retry resolves. */
    private static final Set<String> TRANSIENT_STATES = Set.of(
            "40001", // serialization_failure
            "40P01", // deadlock_detected
            "55P03", // lock_not_available (lock_timeout)
            "55006", // object_in_use
            "25P03", // idle_in_transaction_session_timeout
            "57014"); // query_canceled (statement_timeout)

    public static Failures classify(Throwable failure) {
        for (Throwable e = failure; e != null; e = e.getCause() == e ? null : e.getCause()) {
            if (e instanceof PgException pg && pg.getSqlState() != null) {
                String state = pg.getSqlState();
                return TRANSIENT_STATES.contains(state) || TRANSIENT_CLASSES.contains(state.substring(0, 2))
                        ? TRANSIENT : PERMANENT;
            }
            if (e instanceof ClosedConnectionException || e instanceof IOException || e instanceof TimeoutException
                    || e instanceof RetriableException || isPoolOrConnectionFailure(e)) {
                return TRANSIENT;
            }
        }
        return PERMANENT;
    }

    public static boolean isTransient(Throwable failure) {
        return classify(failure) == TRANSIENT;
    }

    public static boolean isPermanent(Throwable failure) {
        return classify(failure) == PERMANENT;
    }

    /** The Vert.x client reports a closed or unreachable server and an exhausted pool as bare VertxExceptions. */
    private static boolean isPoolOrConnectionFailure(Throwable e) {
        if (!(e instanceof VertxException) || e.getMessage() == null) {
            return false;
        }
        String message = e.getMessage().toLowerCase();
        return message.contains("connection") || message.contains("timeout") || message.contains("closed");
    }
}
