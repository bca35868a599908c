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
 * The candidate lists recommendations are made of, each as record id → raw score, read from
 * recommendation_data (who played or favourited which record) and catalog_records.
 */
@ApplicationScoped
public class RecommendationRepository {

    /**
     * RP3beta over the user–record graph: the probability of walking user → record → listener → record
     * (each step uniform over the node's edges), divided by the target's popularity to the power β.
     */
    private static final String COLLABORATIVE = """
            with mine as (
                select entity_id as item from recommendation_data
                 where user_id = $1 and entity_type = 'record' and affinity_score > 0),
            item_degree as (
                select r.entity_id as item, count(*)::float8 as d from recommendation_data r
                 where r.entity_type = 'record' and r.affinity_score > 0 and r.entity_id in (select item from mine)
                 group by r.entity_id),
            listeners as (
                select r.user_id as v, sum(1.0 / (d.d * (select count(*) from mine))) as p
                  from recommendation_data r join item_degree d on d.item = r.entity_id
                 where r.entity_type = 'record' and r.affinity_score > 0 and r.user_id <> $1
                 group by r.user_id),
            listener_degree as (
                select r.user_id as v, count(*)::float8 as d from recommendation_data r
                 where r.entity_type = 'record' and r.affinity_score > 0 and r.user_id in (select v from listeners)
                 group by r.user_id),
            walk as (
                select r.entity_id as item, sum(l.p / ld.d) as p
                  from recommendation_data r join listeners l on l.v = r.user_id
                  join listener_degree ld on ld.v = r.user_id
                 where r.entity_type = 'record' and r.affinity_score > 0
                   and r.entity_id not in (select item from mine)
                 group by r.entity_id),
            popularity as (
                select r.entity_id as item, count(*)::float8 as n from recommendation_data r
                 where r.entity_type = 'record' and r.affinity_score > 0 and r.entity_id in (select item from walk)
                 group by r.entity_id)
            select w.item, w.p / power(p.n, $2) as score from walk w join popularity p on p.item = w.item
             order by score desc, w.item limit $3""";

    /** Records sharing artist, genres or styles with the user's records, weighted by the user's affinity. */
    private static final String CONTENT = """
            with mine as (
                select c.* , r.affinity_score as w from recommendation_data r
                  join catalog_records c on c.record_id = r.entity_id
                 where r.user_id = $1 and r.entity_type = 'record' and r.affinity_score > 0),
            played as (select entity_id from recommendation_data where user_id = $1 and entity_type = 'record')
            select t.record_id as item,
                   sum(m.w * ((case when lower(t.artist) = lower(m.artist) then 2 else 0 end)
                            + cardinality(array(select unnest(t.styles) intersect select unnest(m.styles)))
                            + 0.5 * cardinality(array(select unnest(t.genres) intersect select unnest(m.genres)))))
                       as score
              from catalog_records t join mine m
                on lower(t.artist) = lower(m.artist) or t.styles && m.styles or t.genres && m.genres
             where t.record_id not in (select entity_id from played)
             group by t.record_id
             order by score desc, t.record_id limit $2""";

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

    /** Records co-listened with one record: cosine of their listener sets. */
    private static final String CO_LISTENED = """
            with listeners as (
                select user_id from recommendation_data where entity_type = 'record' and entity_id = $1
                   and affinity_score > 0),
            n as (select count(*)::float8 as n from listeners)
            select r.entity_id as item, count(*) / sqrt((select n from n) * max(p.n)) as score
              from recommendation_data r
              join (select entity_id, count(*)::float8 as n from recommendation_data
                     where entity_type = 'record' and affinity_score > 0 group by entity_id) p
                on p.entity_id = r.entity_id
             where r.entity_type = 'record' and r.affinity_score > 0 and r.entity_id <> $1
               and r.user_id in (select user_id from listeners)
             group by r.entity_id order by score desc, r.entity_id limit $2""";

    /** Records like one record by content: same artist, shared styles and genres, near in years. */
    private static final String LIKE = """
            select t.record_id as item,
                   (case when lower(t.artist) = lower(s.artist) then 2 else 0 end)
                   + cardinality(array(select unnest(t.styles) intersect select unnest(s.styles)))
                   + 0.5 * cardinality(array(select unnest(t.genres) intersect select unnest(s.genres)))
                   + case when abs(coalesce(t.release_year, 0) - coalesce(s.release_year, 9999)) <= 5 then 0.5
                          else 0 end as score
              from catalog_records s join catalog_records t
                on t.record_id <> s.record_id
               and (lower(t.artist) = lower(s.artist) or t.styles && s.styles or t.genres && s.genres)
             where s.record_id = $1
             order by score desc, t.record_id limit $2""";

    private final Pool pool;

    public RecommendationRepository(Pool pool) {
        this.pool = pool;
    }

    public Uni<Map<Long, Double>> collaborative(long userId, double beta, int limit) {
        return scores(COLLABORATIVE, Tuple.of(userId, beta, limit));
    }

    public Uni<Map<Long, Double>> content(long userId, int limit) {
        return scores(CONTENT, Tuple.of(userId, limit));
    }

    public Uni<Map<Long, Double>> popular(long userId, int limit) {
        return scores(POPULAR, Tuple.of(userId, limit));
    }

    public Uni<Map<Long, Double>> newest(long userId, int limit) {
        return scores(NEWEST, Tuple.of(userId, limit));
    }

    public Uni<Map<Long, Double>> coListened(long recordId, int limit) {
        return scores(CO_LISTENED, Tuple.of(recordId, limit));
    }

    public Uni<Map<Long, Double>> like(long recordId, int limit) {
        return scores(LIKE, Tuple.of(recordId, limit));
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
