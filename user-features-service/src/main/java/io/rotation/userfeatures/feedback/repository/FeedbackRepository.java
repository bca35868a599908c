package io.rotation.userfeatures.feedback.repository;

import io.rotation.userfeatures.feedback.model.FeedbackStatus;
import io.rotation.userfeatures.feedback.model.FeedbackType;
import io.rotation.userfeatures.feedback.model.FeedbackView;
import io.rotation.userfeatures.feedback.model.NewFeedback;
import io.rotation.userfeatures.feedback.model.Triage;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** The {@code feedback} table. */
@ApplicationScoped
public class FeedbackRepository {

    private static final String COLUMNS = """
            id, user_id, feedback_type::text, status::text, priority, entity_type, entity_id, audio_match_id, title,
            description, assigned_to, resolution, resolved_at, created_at, updated_at""";

    public Uni<FeedbackView> insert(SqlClient client, long userId, FeedbackType type, NewFeedback report) {
        return client.preparedQuery("""
                        insert into feedback (user_id, feedback_type, entity_type, entity_id, audio_match_id, title,
                                              description)
                        values ($1, $2::feedback_type, $3, $4, $5, $6, $7) returning\s""" + COLUMNS)
                .execute(Tuple.tuple().addLong(userId).addString(type.name()).addString(report.entityType())
                        .addLong(report.entityId()).addLong(report.audioMatchId()).addString(report.title().strip())
                        .addString(report.description()))
                .map(rows -> of(rows.iterator().next()));
    }

    public Uni<FeedbackView> find(SqlClient client, long id, boolean lock) {
        return client.preparedQuery("select " + COLUMNS + " from feedback where id = $1" + (lock ? " for update" : ""))
                .execute(Tuple.of(id)).map(rows -> rows.size() == 0 ? null : of(rows.iterator().next()));
    }

    /** Applies a triage; resolved_at is set when the report closes and cleared when it reopens. */
    public Uni<FeedbackView> triage(SqlClient client, long id, Triage triage) {
        return client.preparedQuery("""
                        update feedback set
                            status = coalesce($2::feedback_status, status),
                            assigned_to = case when $3 then $4 else assigned_to end,
                            resolution = case when $5 then $6 else resolution end,
                            priority = coalesce($7, priority),
                            resolved_at = case
                                when coalesce($2::feedback_status, status) in ('resolved', 'dismissed')
                                    then coalesce(case when status in ('resolved', 'dismissed') then resolved_at end, now())
                                else null end
                        where id = $1 returning\s""" + COLUMNS)
                .execute(Tuple.tuple().addLong(id).addString(triage.status() == null ? null : triage.status().name())
                        .addBoolean(triage.assignedToSet()).addLong(triage.assignedTo())
                        .addBoolean(triage.resolutionSet()).addString(triage.resolution())
                        .addString(triage.priority()))
                .map(rows -> of(rows.iterator().next()));
    }

    /**
     * Newest first after a cursor's (created_at, id); {@code reporter} null for every report (admins),
     * {@code status} null for every status.
     */
    public Uni<List<FeedbackView>> list(SqlClient client, Long reporter, FeedbackStatus status, Instant beforeAt,
                                        Long beforeId, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from feedback where true");
        List<Object> params = new ArrayList<>();
        if (reporter != null) {
            params.add(reporter);
            sql.append(" and user_id = $").append(params.size());
        }
        if (status != null) {
            params.add(status.name());
            sql.append(" and status = $").append(params.size()).append("::feedback_status");
        }
        if (beforeAt != null) {
            params.add(beforeAt.atOffset(ZoneOffset.UTC));
            params.add(beforeId);
            sql.append(" and (created_at, id) < ($").append(params.size() - 1).append(", $").append(params.size())
                    .append(")");
        }
        params.add(limit);
        sql.append(" order by created_at desc, id desc limit $").append(params.size());
        return client.preparedQuery(sql.toString()).execute(Tuple.from(params)).map(rows -> {
            List<FeedbackView> items = new ArrayList<>(rows.size());
            rows.forEach(row -> items.add(of(row)));
            return items;
        });
    }

    private static FeedbackView of(Row row) {
        return new FeedbackView(row.getLong("id"), row.getLong("user_id"), row.getString("feedback_type"),
                row.getString("status"), row.getString("priority"), row.getString("entity_type"),
                row.getLong("entity_id"), row.getLong("audio_match_id"), row.getString("title"),
                row.getString("description"), row.getLong("assigned_to"), row.getString("resolution"),
                row.getOffsetDateTime("resolved_at") == null ? null : row.getOffsetDateTime("resolved_at").toInstant(),
                row.getOffsetDateTime("created_at").toInstant(), row.getOffsetDateTime("updated_at").toInstant());
    }
}
