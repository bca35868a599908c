package io.rotation.userfeatures.erasure.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Removes what user-features holds of one user, on the caller's transaction, and counts it per
 * table. Tables hold identity's user id as a plain column (no foreign keys across services); the
 * only foreign key here is collection items → collections, so items go first, explicitly, to be
 * counted (the collections' cascade would remove them silently).
 */
@ApplicationScoped
public class UserDataRepository {

    /** Each step: the key it is counted under and the statement ($1 = the user id). Order matters. */
    private static final Map<String, String> STEPS = steps();

    private static Map<String, String> steps() {
        Map<String, String> steps = new LinkedHashMap<>();
        steps.put("user_collection_items", """
                delete from user_collection_items i using user_collections c
                where c.id = i.collection_id and c.user_id = $1""");
        steps.put("user_collections", "delete from user_collections where user_id = $1");
        steps.put("favorites", "delete from favorites where user_id = $1");
        // partitioned by played_at: the user index of every partition is used, no partition is skipped
        steps.put("play_history", "delete from play_history where user_id = $1");
        // whom they follow, and who followed them (a follow of an erased account points at nobody)
        steps.put("user_follows", """
                delete from user_follows
                where follower_id = $1 or (followee_type = 'user' and followee_id = $1)""");
        steps.put("user_preferences", "delete from user_preferences where user_id = $1");
        // reports stay for triage and product history, without their reporter (the column is nullable for this)
        steps.put("feedback_anonymised", "update feedback set user_id = null where user_id = $1");
        // a staff member's queue: the items go back to the unassigned pool
        steps.put("feedback_unassigned", "update feedback set assigned_to = null where assigned_to = $1");
        // exports are copies of all of the above (their parts first, to be counted)
        steps.put("user_export_parts", """
                delete from user_export_parts p using user_exports e
                where e.id = p.export_id and e.user_id = $1""");
        steps.put("user_exports", "delete from user_exports where user_id = $1");
        // the projection's copy of identity's account (their username)
        steps.put("known_users", "delete from known_users where user_id = $1");
        return steps;
    }

    /** @return rows removed or anonymised per key, in a stable order */
    public Uni<Map<String, Integer>> erase(SqlConnection connection, long userId) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Map.Entry<String, String> step : STEPS.entrySet()) {
            chain = chain.chain(() -> connection.preparedQuery(step.getValue()).execute(Tuple.of(userId))
                    .invoke(rows -> counts.put(step.getKey(), rows.rowCount()))
                    .replaceWithVoid());
        }
        return chain.map(done -> counts);
    }
}
