package io.rotation.analytics.metrics.repository;

import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.rotation.analytics.ReadReplica;
import io.rotation.analytics.metrics.model.DailyMetricView;
import io.rotation.analytics.metrics.model.DailyMetricsFilter;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads of daily_metrics for admins on the read replica, newest day first, then by id (the cursor's order). */
@ApplicationScoped
public class DailyMetricsRepository {

    private static final String LIST = """
            select id, metric_date, metric_type, entity_type, entity_id, metric_name, value from daily_metrics
            where metric_date >= $1 and metric_date <= $2
              and ($3::text is null or metric_type = $3::text) and ($4::text is null or entity_type = $4::text)
              and ($5::bigint is null or entity_id = $5::bigint) and ($6::text is null or metric_name = $6::text)
              and ($7::date is null or (metric_date, id) < ($7::date, $8::bigint))
            order by metric_date desc, id desc
            limit $9::int""";

    private final Pool replica;

    public DailyMetricsRepository(@ReactiveDataSource(ReadReplica.DATASOURCE) Pool replica) {
        this.replica = replica;
    }

    /** At most {@code limit} rows after the (metric_date, id) position of a cursor (null for the first page). */
    public Uni<List<DailyMetricView>> list(DailyMetricsFilter filter, LocalDate beforeDate, Long beforeId, int limit) {
        return replica.preparedQuery(LIST).execute(Tuple.from(Arrays.asList(filter.from(), filter.to(),
                        filter.metricType(), filter.entityType(), filter.entityId(), filter.metricName(), beforeDate,
                        beforeId, limit)))
                .map(rows -> {
                    List<DailyMetricView> list = new ArrayList<>();
                    rows.forEach(row -> list.add(new DailyMetricView(row.getLong("id"), row.getLocalDate("metric_date"),
                            row.getString("metric_type"), row.getString("entity_type"), row.getLong("entity_id"),
                            row.getString("metric_name"), row.getBigDecimal("value").stripTrailingZeros())));
                    return list;
                });
    }
}
