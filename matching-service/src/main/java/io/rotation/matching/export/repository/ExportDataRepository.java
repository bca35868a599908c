package io.rotation.matching.export.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/** What matching holds of a user: the matches they verified and the match changes they made (reviews). */
@ApplicationScoped
public class ExportDataRepository {

    static final String PART = """
            select jsonb_build_object(
                'matches_verified', coalesce((select jsonb_agg(jsonb_build_object('match_id', m.id,
                        'track_id', m.track_id, 'platform', m.platform, 'verified_at', m.verified_at) order by m.id)
                    from audio_matches m where m.verified_by = $1), '[]'::jsonb),
                'match_changes', coalesce((select jsonb_agg(jsonb_build_object('match_id', h.audio_match_id,
                        'action', h.action, 'old_status', h.old_status, 'new_status', h.new_status,
                        'reason', h.reason, 'changed_at', h.changed_at) order by h.changed_at desc)
                    from (select * from audio_match_history where changed_by = $1 order by changed_at desc
                          limit 1000) h), '[]'::jsonb)
            )::text""";

    /** @return the part as a JSON object (text) */
    public Uni<String> of(SqlConnection connection, long userId) {
        return connection.preparedQuery(PART).execute(Tuple.of(userId)).map(rows -> rows.iterator().next().getString(0));
    }
}
