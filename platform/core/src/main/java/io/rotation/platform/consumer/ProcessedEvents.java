package io.rotation.platform.consumer;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * The inbox side of exactly-once effects: a consumer claims event ids in the same transaction as
 * its effect; an id claimed before (a redelivery) is not returned, so its effect is not applied twice.
 * A claim is kept at least as long as the topic keeps the message ({@code retain_until}; null: forever).
 */
@ApplicationScoped
public class ProcessedEvents {

    private static final String CLAIM = """
            insert into processed_event (consumer, event_id, retain_until)
            select $1, id, now() + make_interval(secs => $3) from unnest($2::uuid[]) as id
            on conflict do nothing
            returning event_id""";

    /** Claims ids kept forever; @return the ids among {@code eventIds} that this consumer had not processed before */
    public Uni<Set<UUID>> claim(SqlConnection connection, String consumer, Collection<UUID> eventIds) {
        return claim(connection, consumer, eventIds, null);
    }

    /**
     * @param retention how long the ids' topic keeps messages; null: forever
     * @return the ids among {@code eventIds} that this consumer had not processed before
     */
    public Uni<Set<UUID>> claim(SqlConnection connection, String consumer, Collection<UUID> eventIds,
                                Duration retention) {
        Double seconds = retention == null ? null : (double) retention.toSeconds();
        return connection.preparedQuery(CLAIM)
                .execute(Tuple.of(consumer, eventIds.toArray(UUID[]::new), seconds))
                .map(rows -> {
                    Set<UUID> fresh = new HashSet<>();
                    for (Row row : rows) {
                        fresh.add(row.getUUID(0));
                    }
                    return fresh;
                });
    }
}
