package io.rotation.analytics.recommendation.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fallback lists recommendations end with, each as record id → raw score, read from
 * recommendation_data (who played or favourited which record) and catalog_records, and what the boost by
 * the user's artists, genres and styles reads; the lists from similarity are in {@code SimilarityRepository}.
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

    /** The user's strongest artists, genres and styles (a few of each kind), unexpired. */
    private static final String TASTES = """
            select kind, name, confidence from (
                select r.entity_type as kind, t.name, r.confidence::float8 as confidence,
                       row_number() over (partition by r.entity_type
                                          order by r.affinity_score desc, r.entity_id) as rank
                  from recommendation_data r join preference_terms t on t.id = r.entity_id and t.kind = r.entity_type
                 where r.user_id = $1 and r.entity_type in ('artist', 'genre', 'style') and r.affinity_score > 0
                   and (r.expires_at is null or r.expires_at > now())) top
             where rank <= $2 order by kind, rank""";

    /** One of a user's preferred artists, genres or styles, with its confidence in [0, 1]. */
    public record Taste(String kind, String name, double confidence) {
    }

    /** What a record is, as the catalog projection knows it. */
    public record Features(String artist, List<String> genres, List<String> styles) {
    }

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

    public Uni<List<Taste>> tastes(long userId, int perKind) {
        return pool.preparedQuery(TASTES).execute(Tuple.of(userId, perKind)).map(rows -> {
            List<Taste> tastes = new ArrayList<>();
            rows.forEach(r -> tastes.add(new Taste(r.getString("kind"), r.getString("name"),
                    r.getDouble("confidence"))));
            return tastes;
        });
    }

    /** The records' artist, genres and styles; records the projection does not know are absent. */
    public Uni<Map<Long, Features>> features(Collection<Long> recordIds) {
        if (recordIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return pool.preparedQuery("select record_id, artist, genres, styles from catalog_records where record_id = any($1)")
                .execute(Tuple.of((Object) recordIds.toArray(Long[]::new))).map(rows -> {
                    Map<Long, Features> features = new HashMap<>();
                    rows.forEach(r -> features.put(r.getLong("record_id"), new Features(r.getString("artist"),
                            List.of(r.getArrayOfStrings("genres")), List.of(r.getArrayOfStrings("styles")))));
                    return features;
                });
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
