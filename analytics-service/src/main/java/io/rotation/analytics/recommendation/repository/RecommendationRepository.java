package io.rotation.analytics.recommendation.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fallback lists recommendations end with, each as record id → raw score, read from
 * recommendation_data (who played or favourited which record) and catalog_records; the lists from
 * similarity are in {@code SimilarityRepository}.
 */
@ApplicationScoped
public class RecommendationRepository {

    /** Records with the most listeners lately (played or favourited), the user's own excluded. */
    private static final String POPULAR = """
            select r.entity_id as item, count(*)::float8 as score from recommendation_data r
             where r.entity_type = 'record' and r.affinity_score > 0
               and r.last_interaction_at > now() - interval '90 days'
               and r.entity_id not in (select entity_id from recommendation_data
                                        where user_id = $1 and entity_type = 'record')
             group by r.entity_id order by score desc, r.entity_id limit $2""";

    /** The catalog's newest records, the user's own excluded: what a new user sees when nobody played yet. */
    private static final String NEWEST = """
            select c.record_id as item, 1.0::float8 as score from catalog_records c
             where c.record_id not in (select entity_id from recommendation_data
                                        where user_id = $1 and entity_type = 'record')
             order by c.upserted_at desc, c.record_id desc limit $2""";

    private final Pool pool;

    public RecommendationRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<Map<Long, Double>> popular(long userId, int limit) {
        return scores(POPULAR, Tuple.of(userId, limit));
    }

    public Uni<Map<Long, Double>> newest(long userId, int limit) {
        return scores(NEWEST, Tuple.of(userId, limit));
    }

    public Uni<Boolean> known(long recordId) {
        return pool.preparedQuery("""
                        select exists (select 1 from catalog_records where record_id = $1)
                            or exists (select 1 from recommendation_data where entity_type = 'record' and entity_id = $1)
                           as known""").execute(Tuple.of(recordId))
                .map(rows -> rows.iterator().next().getBoolean("known"));
    }

    private Uni<Map<Long, Double>> scores(String sql, Tuple params) {
        return pool.preparedQuery(sql).execute(params).map(RecommendationRepository::toMap);
    }

    private static Map<Long, Double> toMap(RowSet<Row> rows) {
        Map<Long, Double> scores = new LinkedHashMap<>();
        rows.forEach(r -> scores.put(r.getLong("item"), r.getDouble("score")));
        return scores;
    }
}
