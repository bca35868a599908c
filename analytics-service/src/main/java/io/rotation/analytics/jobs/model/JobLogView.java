package io.rotation.analytics.jobs.model;

import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;
import java.util.Map;

/** A job_logs line as the admin API shows it. */
public record JobLogView(long id, String level, String message, Map<String, Object> context, Instant loggedAt) {

    public static final String COLUMNS = "id, level::text as level, message, context, logged_at";

    public static JobLogView of(Row r) {
        return new JobLogView(r.getLong("id"), r.getString("level"), r.getString("message"),
                JobView.map(r.getJsonObject("context")), JobView.time(r, "logged_at"));
    }
}
