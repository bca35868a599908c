package io.rotation.analytics.recommendation.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;

/** Favourites in recommendation_data: a record row whose affinity carries {@link #FAVORITE_WEIGHT}. */
@ApplicationScoped
public class PreferenceRepository {

    /** A favourite weighs as much as this many full plays. */
    public static final double FAVORITE_WEIGHT = 3.0;

    public Uni<Void> favorite(SqlConnection c, long userId, long recordId, Instant at) {
        return c.preparedQuery("""
                        insert into recommendation_data (user_id, entity_type, entity_id, affinity_score, confidence,
                                                         last_interaction_at, expires_at)
                        values ($1, 'record', $2, $3, 0.5, $4::timestamptz, $4::timestamptz + interval '365 days')
                        on conflict (user_id, entity_type, entity_id) do update set
                            affinity_score = recommendation_data.affinity_score + excluded.affinity_score,
                            confidence = greatest(recommendation_data.confidence, excluded.confidence),
                            last_interaction_at = greatest(recommendation_data.last_interaction_at,
                                                           excluded.last_interaction_at),
                            expires_at = greatest(recommendation_data.expires_at, excluded.expires_at)""")
                .execute(Tuple.of(userId, recordId, FAVORITE_WEIGHT, at.atOffset(ZoneOffset.UTC)))
                .replaceWithVoid();
    }

    public Uni<Void> unfavorite(SqlConnection c, long userId, long recordId) {
        return c.preparedQuery("""
                        update recommendation_data set affinity_score = greatest(affinity_score - $3, 0)
                         where user_id = $1 and entity_type = 'record' and entity_id = $2""")
                .execute(Tuple.of(userId, recordId, FAVORITE_WEIGHT))
                .replaceWithVoid();
    }
}
