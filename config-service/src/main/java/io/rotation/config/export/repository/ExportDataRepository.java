package io.rotation.config.export.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What config holds of a user: flags that target them, how flags evaluated for them (the newest
 * 1,000), and the configuration they changed as staff.
 */
@ApplicationScoped
public class ExportDataRepository {

    static final String PART = """
            select jsonb_build_object(
                'flags_targeting_them', coalesce((select jsonb_agg(f.key order by f.key) from feature_flags f
                    where $1 = any(f.target_user_ids)), '[]'::jsonb),
                'flag_evaluations', coalesce((select jsonb_agg(jsonb_build_object('flag_key', e.flag_key,
                        'result', e.result, 'variant', e.variant, 'reason', e.reason) order by e.id desc)
                    from (select * from feature_flag_evaluations where user_id = $1 order by id desc limit 1000) e),
                    '[]'::jsonb),
                'flag_changes', coalesce((select jsonb_agg(jsonb_build_object('flag_key', h.flag_key,
                        'action', h.action, 'changed_fields', h.changed_fields, 'changed_at', h.changed_at)
                        order by h.changed_at desc)
                    from (select * from feature_flag_history where changed_by = $1 order by changed_at desc
                          limit 1000) h), '[]'::jsonb),
                'settings_changed', coalesce((select jsonb_agg(s.key order by s.key) from settings s
                    where s.updated_by = $1), '[]'::jsonb),
                'profiles_changed', coalesce((select jsonb_agg(p.name order by p.name) from config_profiles p
                    where p.created_by = $1 or p.updated_by = $1), '[]'::jsonb),
                'maintenance_windows_created', coalesce((select jsonb_agg(w.title order by w.id)
                    from maintenance_windows w where w.created_by = $1), '[]'::jsonb)
            )::text""";

    /** @return the part as a JSON object (text) */
    public Uni<String> of(SqlConnection connection, long userId) {
        return connection.preparedQuery(PART).execute(Tuple.of(userId)).map(rows -> rows.iterator().next().getString(0));
    }
}
