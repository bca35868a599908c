package io.rotation.analytics.export.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What analytics holds of a user: their usage (counted by month, the newest 1,000 events in full:
 * a part travels as one Kafka message), recommendations, audit entries about them and jobs they started.
 */
@ApplicationScoped
public class ExportDataRepository {

    static final String PART = """
            select jsonb_build_object(
                'usage_events_total', (select count(*) from usage_metrics where user_id = $1),
                'usage_by_month', coalesce((select jsonb_agg(jsonb_build_object('month', m.month, 'events', m.events)
                        order by m.month)
                    from (select date_trunc('month', occurred_at) as month, count(*) as events from usage_metrics
                          where user_id = $1 group by 1) m), '[]'::jsonb),
                'usage_events_newest', coalesce((select jsonb_agg(to_jsonb(u) order by u.occurred_at desc)
                    from (select * from usage_metrics where user_id = $1 order by occurred_at desc limit 1000) u),
                    '[]'::jsonb),
                'recommendations', coalesce((select jsonb_agg(to_jsonb(r)) from recommendation_data r
                    where r.user_id = $1), '[]'::jsonb),
                'audit_entries', coalesce((select jsonb_agg(to_jsonb(a) order by a.occurred_at desc)
                    from (select * from audit_logs where user_id = $1 order by occurred_at desc limit 200) a),
                    '[]'::jsonb),
                'jobs_started', coalesce((select jsonb_agg(jsonb_build_object('id', j.id, 'job_type', j.job_type,
                        'status', j.status, 'created_at', j.created_at) order by j.id)
                    from (select * from jobs where initiated_by = $1 order by created_at desc limit 200) j), '[]'::jsonb)
            )::text""";

    /** @return the part as a JSON object (text) */
    public Uni<String> of(SqlConnection connection, long userId) {
        return connection.preparedQuery(PART).execute(Tuple.of(userId)).map(rows -> rows.iterator().next().getString(0));
    }
}
