package io.rotation.analytics.erasure.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Removes or anonymises what analytics holds of one user, on the caller's transaction, counting
 * the rows per step. Why each table is treated as it is: docs/data-model/analytics.md ("Erasure").
 */
@ApplicationScoped
public class UserDataRepository {

    /** Each step: the key it is counted under and the statement ($1 = the user id). */
    private static final Map<String, String> STEPS = steps();

    private static Map<String, String> steps() {
        Map<String, String> steps = new LinkedHashMap<>();
        // kept without the person: per-track and global counts (and aggregate_daily_metrics, which
        // recounts them from here) stay right; the play id would lead back to user-features' row
        steps.put("usage_metrics_anonymised", """
                update usage_metrics
                   set user_id = null, session_id = null, device = null, device_fingerprint = null,
                       user_agent = null, metadata = metadata - 'play_id'
                 where user_id = $1""");
        // nothing but the user's taste
        steps.put("recommendation_data", "delete from recommendation_data where user_id = $1");
        // the user's hours of listening, summed from the plays just anonymised
        steps.put("listening_hourly", "delete from listening_hourly where user_id = $1");
        // the user's own days; per-track and global aggregates are not about a person and stay
        steps.put("daily_metrics", "delete from daily_metrics where entity_type = 'user' and entity_id = $1");
        // the trail stays, keyed by the bare id; what identified the person goes: address, browser,
        // and the before/after values of entries about the account itself (erasure reports hold counts only)
        steps.put("audit_logs_redacted", """
                update audit_logs
                   set ip_address = null, user_agent = null,
                       old_values = case when entity_type = 'user' and entity_id = $1::bigint::text
                                          and action <> 'user_data_erased' then null else old_values end,
                       new_values = case when entity_type = 'user' and entity_id = $1::bigint::text
                                          and action <> 'user_data_erased' then null else new_values end
                 where user_id = $1 or (entity_type = 'user' and entity_id = $1::bigint::text)""");
        return steps;
    }

    /** @return rows removed or anonymised per step, in a stable order */
    public Uni<Map<String, Integer>> erase(SqlConnection connection, long userId) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        // waits for play batches in flight (so their rows are anonymised too) and holds new ones
        // off until this commits (they then see the erasure and drop the user's plays: UsageService).
        // Not SHARE: two erasures holding it could not both upgrade to the update's lock.
        Uni<Void> chain = connection.query("lock table usage_metrics in share row exclusive mode").execute()
                .replaceWithVoid();
        for (Map.Entry<String, String> step : STEPS.entrySet()) {
            chain = chain.chain(() -> connection.preparedQuery(step.getValue()).execute(Tuple.of(userId))
                    .invoke(rows -> counts.put(step.getKey(), rows.rowCount()))
                    .replaceWithVoid());
        }
        return chain.map(done -> counts);
    }
}
