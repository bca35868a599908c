package io.rotation.platform.consumer;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * The inbox side of exactly-once effects: a consumer claims event ids in the same transaction as
 * its effect; an id claimed before (a redelivery) is not returned, so its effect is not applied twice.
 */
@ApplicationScoped
public class ProcessedEvents {

    private static final String CLAIM = """
            insert into processed_event (consumer, event_id)
            select $1, id from unnest($2::uuid[]) as id
            on conflict do nothing
            returning event_id""";

    /** @return the ids among {@code eventIds} that this consumer had not processed before */
    public Uni<Set<UUID>> claim(SqlConnection connection, String consumer, Collection<UUID> eventIds) {
        return connection.preparedQuery(CLAIM)
                .execute(Tuple.of(consumer, eventIds.toArray(UUID[]::new)))
                .map(rows -> {
                    Set<UUID> fresh = new HashSet<>();
                    for (Row row : rows) {
                        fresh.add(row.getUUID(0));
                    }
                    return fresh;
                });
    }
}
