package io.rotation.matching.feedback.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;

/** match_reports: listeners' bad_match reports. */
@ApplicationScoped
public class MatchReportRepository {

    /**
     * Records a report of an existing match, once per feedback id.
     *
     * @return whether it was recorded (false: unknown match, or the report was recorded before)
     */
    public Uni<Boolean> record(SqlConnection connection, long matchId, long feedbackId, Long userId, Instant at) {
        return connection.preparedQuery("""
                        insert into match_reports (audio_match_id, feedback_id, user_id, reported_at)
                        select id, $2, $3, $4 from audio_matches where id = $1
                        on conflict (feedback_id) do nothing returning id""")
                .execute(Tuple.of(matchId, feedbackId, userId, at.atOffset(ZoneOffset.UTC)))
                .map(rows -> rows.size() > 0);
    }

    /** Distinct listeners who reported the match since its last review. */
    public Uni<Long> reportersSinceReview(SqlConnection connection, long matchId) {
        return connection.preparedQuery("""
                        select count(distinct r.user_id) as n from match_reports r join audio_matches m on m.id = r.audio_match_id
                        where r.audio_match_id = $1 and r.reported_at > coalesce(m.verified_at, '-infinity')""")
                .execute(Tuple.of(matchId))
                .map(rows -> rows.iterator().next().getLong("n"));
    }
}
