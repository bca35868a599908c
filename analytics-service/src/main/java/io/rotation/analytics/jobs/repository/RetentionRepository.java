package io.rotation.analytics.jobs.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/** Analytics' retention: the seed's {@code cleanup_old_analytics_data}, for the nightly run and the on-demand job alike. */
@ApplicationScoped
public class RetentionRepository {

    /** Deletes the rows older than {@code months}; answers how many. */
    public Uni<Integer> deletePastRetention(SqlClient c, int months) {
        return c.preparedQuery("select cleanup_old_analytics_data(make_interval(months => $1)) as deleted")
                .execute(Tuple.of(months)).map(rows -> rows.iterator().next().getInteger("deleted"));
    }
}
