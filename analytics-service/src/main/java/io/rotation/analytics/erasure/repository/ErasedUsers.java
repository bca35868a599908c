package io.rotation.analytics.erasure.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

/**
 * Which users analytics has erased. Events about a user can still arrive after their erasure
 * (plays travel on another topic, so nothing orders them with UserErased); they must not
 * bring the user's data back. The record of an erasure is analytics' own audit row for it.
 */
@ApplicationScoped
public class ErasedUsers {

    private static final String AMONG = """
            select distinct entity_id from audit_logs
            where entity_type = 'user' and entity_id = any($1::text[])
              and action = 'user_data_erased' and service = 'analytics-service'""";

    /** @return those of {@code userIds} that were erased */
    public Uni<Set<Long>> among(SqlConnection connection, Collection<Long> userIds) {
        String[] ids = userIds.stream().map(String::valueOf).toArray(String[]::new);
        return connection.preparedQuery(AMONG).execute(Tuple.of(ids)).map(rows -> {
            Set<Long> erased = new HashSet<>();
            for (Row row : rows) {
                erased.add(Long.valueOf(row.getString(0)));
            }
            return erased;
        });
    }
}
