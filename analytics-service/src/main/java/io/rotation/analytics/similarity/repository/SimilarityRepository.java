package io.rotation.analytics.similarity.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * content_similarity between records: {@code collaborative} rows from co-listening (RP3beta over
 * recommendation_data) and {@code metadata} rows from the catalog_records projection, each source's best
 * targets with scores in (0, 1]. Written for some sources (as plays and records arrive) or for all (the
 * nightly recount, computed aside and swapped in); read by recommendations and similar records.
 */
@ApplicationScoped
public class SimilarityRepository {

    public static final String COLLABORATIVE = "collaborative";
    public static final String METADATA = "metadata";

    /** One lock orders every writer of content_similarity: consumers refreshing sources and the full recount. */
    private static final long WRITE_LOCK = 0x5_1313_0013L;

    private static final String COLUMNS = """
            source_type, source_id, target_type, target_id, similarity_type, score, algorithm, details, computed_at, \
            expires_at""";

    /**
     * RP3beta: the probability of walking source → listener → target, each step weighted by the
     * listener's dampened affinity (ln(1 + plays × completion), favourites included) raised to α, divided
     * by the target's listeners to the power β; kept per source as its best {@code $3} targets, scaled so
     * that the best is 1. {@code %s} is the filter on the sources.
     */
    private static final String RP3BETA = """
            with src as (
                select user_id as u, entity_id as i, ln(1 + affinity_score::float8) as w from recommendation_data
                 where entity_type = 'record' and affinity_score > 0 %s),
            item_total as (select i, sum(w) as t from src group by i),
            user_items as (
                select user_id as u, entity_id as i, ln(1 + affinity_score::float8) as w from recommendation_data
                 where entity_type = 'record' and affinity_score > 0 and user_id in (select u from src)),
            user_total as (select u, sum(w) as t from user_items group by u),
            walk as (
                select s.i as source, o.i as target,
                       sum(power(s.w / it.t, $1::float8) * power(o.w / ut.t, $1::float8)) as p, count(*) as co_listeners
                  from src s join item_total it on it.i = s.i join user_total ut on ut.u = s.u
                  join user_items o on o.u = s.u and o.i <> s.i
                 group by s.i, o.i),
            popularity as (
                select entity_id as i, count(*)::float8 as n from recommendation_data
                 where entity_type = 'record' and affinity_score > 0 and entity_id in (select target from walk)
                 group by entity_id),
            ranked as (
                select w.source, w.target, w.co_listeners, w.p / power(p.n, $2::float8) as s,
                       row_number() over (partition by w.source order by w.p / power(p.n, $2::float8) desc, w.target) as rank
                  from walk w join popularity p on p.i = w.target),
            scaled as (
                select r.*, r.s / max(r.s) over (partition by r.source) as score from ranked r where r.rank <= $3::int)
            select 'record', source, 'record', target, 'collaborative', round(score::numeric, 5), 'rp3beta',
                   jsonb_build_object('co_listeners', co_listeners), now(), now() + interval '8 days'
              from scaled where score >= 0.00001""";

    /**
     * Weighted Jaccard of the records' features: artist 2, each label and style 1, each genre and the
     * five-year span 0.5. A feature more than {@code $1} records share tells nothing apart and is left out
     * (it would also pair every record with every other). {@code %s} is the filter on the sources.
     */
    private static final String FEATURES = """
            with f as (
                select record_id as r, 'artist:' || lower(artist) as f, 2.0::float8 as w from catalog_records
                 where artist is not null and artist <> '' and lower(artist) <> 'various'
                union all
                select record_id, 'label:' || lower(l), 1.0 from catalog_records, unnest(labels) l
                 where lower(l) not in ('not on label', 'white label')
                union all
                select record_id, 'style:' || lower(s), 1.0 from catalog_records, unnest(styles) s
                union all
                select record_id, 'genre:' || lower(g), 0.5 from catalog_records, unnest(genres) g
                union all
                select record_id, 'years:' || (release_year / 5 * 5), 0.5 from catalog_records
                 where release_year is not null and release_year > 0),
            telling as (
                select f.* from f join (select f, count(*) as n from f group by f) df on df.f = f.f
                 where df.n <= $1::int),
            total as (select r, sum(w) as t from telling group by r),
            src as (select * from telling where true %s),
            pairs as (
                select s.r as source, o.r as target, sum(s.w) as shared,
                       array_agg(s.f order by s.w desc, s.f) as features
                  from src s join telling o on o.f = s.f and o.r <> s.r
                 group by s.r, o.r),
            ranked as (
                select p.*, p.shared / (ts.t + tt.t - p.shared) as score,
                       row_number() over (partition by p.source
                                          order by p.shared / (ts.t + tt.t - p.shared) desc, p.target) as rank
                  from pairs p join total ts on ts.r = p.source join total tt on tt.r = p.target)
            select 'record', source, 'record', target, 'metadata', round(score::numeric, 5), 'weighted-jaccard',
                   jsonb_build_object('shared', to_jsonb(features[1:5])), now(), now() + interval '8 days'
              from ranked where rank <= $2::int and score >= 0.00001""";

    private final Pool pool;

    public SimilarityRepository(Pool pool) {
        this.pool = pool;
    }

    /** Waits for the other writers; held until the transaction ends. Take it last, after the other writes. */
    public Uni<Void> lockForWriting(SqlConnection c) {
        return c.preparedQuery("select pg_advisory_xact_lock($1)").execute(Tuple.of(WRITE_LOCK)).replaceWithVoid();
    }

    /** The records the users listened to or favourited: whose walks a play by these users changes. */
    public Uni<Long[]> recordsOf(SqlConnection c, Long[] userIds) {
        return c.preparedQuery("""
                        select coalesce(array_agg(distinct entity_id order by entity_id), '{}') as records
                          from recommendation_data where user_id = any($1) and entity_type = 'record'""")
                .execute(Tuple.of((Object) userIds)).map(rows -> rows.iterator().next().getArrayOfLongs("records"));
    }

    /** Recomputes the collaborative rows of these sources; @return the rows written */
    public Uni<Integer> refreshCollaborative(SqlConnection c, Long[] sources, double alpha, double beta, int keep) {
        return replace(c, COLLABORATIVE, sources,
                RP3BETA.formatted("and entity_id = any($4::bigint[])"), Tuple.of(alpha, beta, keep, sources));
    }

    /**
     * Recomputes the metadata rows of these sources and, the measure being symmetric, their rows in the
     * targets' lists (a target's list may hold more than {@code keep} until the nightly recount);
     * @return the rows written as sources
     */
    public Uni<Integer> refreshMetadata(SqlConnection c, Long[] sources, int commonFeature, int keep) {
        return replace(c, METADATA, sources, FEATURES.formatted("and r = any($3::bigint[])"),
                Tuple.of(commonFeature, keep, sources))
                .call(written -> c.preparedQuery("insert into content_similarity (" + COLUMNS + ")\n"
                        + "select 'record', target_id, 'record', source_id, similarity_type, score, algorithm, details,"
                        + " computed_at, expires_at from content_similarity"
                        + " where source_type = 'record' and similarity_type = 'metadata' and source_id = any($1)"
                        + " on conflict (source_type, source_id, target_type, target_id, similarity_type) do update"
                        + " set score = excluded.score, details = excluded.details, computed_at = excluded.computed_at,"
                        + " expires_at = excluded.expires_at").execute(Tuple.of((Object) sources)));
    }

    /**
     * Recomputes every record's collaborative and metadata rows aside, then swaps them in under the write
     * lock, so consumers wait for the swap only, not the computation; @return rows written per kind
     */
    public Uni<Map<String, Integer>> recountAll(SqlConnection c, double alpha, double beta, int commonFeature,
                                                int keep) {
        Map<String, Integer> written = new LinkedHashMap<>();
        // the staging rows of this transaction only: another recount's are invisible until it commits it empty
        return c.query("delete from content_similarity_next").execute()
                .chain(() -> c.preparedQuery("insert into content_similarity_next (" + COLUMNS + ")\n"
                        + RP3BETA.formatted("")).execute(Tuple.of(alpha, beta, keep)))
                .invoke(rows -> written.put(COLLABORATIVE, rows.rowCount()))
                .chain(() -> c.preparedQuery("insert into content_similarity_next (" + COLUMNS + ")\n"
                        + FEATURES.formatted("")).execute(Tuple.of(commonFeature, keep)))
                .invoke(rows -> written.put(METADATA, rows.rowCount()))
                .chain(() -> lockForWriting(c))
                .chain(() -> c.query("""
                        delete from content_similarity where source_type = 'record'
                           and similarity_type in ('collaborative', 'metadata')""").execute())
                .chain(() -> c.query("insert into content_similarity (" + COLUMNS + ") select " + COLUMNS
                        + " from content_similarity_next").execute())
                .chain(() -> c.query("delete from content_similarity_next").execute())
                .replaceWith(written);
    }

    /** A record's most similar records of one kind, best first. */
    public Uni<Map<Long, Double>> neighbours(long recordId, String kind, int limit) {
        return pool.preparedQuery("""
                        select target_id as item, score::float8 as score from content_similarity
                         where source_type = 'record' and source_id = $1 and similarity_type = $2
                           and target_type = 'record'
                         order by score desc, target_id limit $3""")
                .execute(Tuple.of(recordId, kind, limit)).map(SimilarityRepository::toMap);
    }

    /**
     * Records like the user's records by one kind of similarity: each neighbour's scores summed, weighted
     * by the user's dampened affinity to the source; records the user played or favourited left out.
     */
    public Uni<Map<Long, Double>> forUser(long userId, String kind, int limit) {
        return pool.preparedQuery("""
                        with mine as (
                            select entity_id as item, ln(1 + affinity_score::float8) as w from recommendation_data
                             where user_id = $1 and entity_type = 'record' and affinity_score > 0)
                        select s.target_id as item, sum(m.w * s.score::float8) as score
                          from mine m join content_similarity s
                            on s.source_type = 'record' and s.source_id = m.item and s.similarity_type = $2
                         where s.target_type = 'record'
                           and s.target_id not in (select entity_id from recommendation_data
                                                    where user_id = $1 and entity_type = 'record')
                         group by s.target_id order by score desc, item limit $3""")
                .execute(Tuple.of(userId, kind, limit)).map(SimilarityRepository::toMap);
    }

    private Uni<Integer> replace(SqlConnection c, String kind, Long[] sources, String select, Tuple params) {
        if (sources.length == 0) {
            return Uni.createFrom().item(0);
        }
        return c.preparedQuery("""
                        delete from content_similarity
                         where source_type = 'record' and similarity_type = $1 and source_id = any($2)""")
                .execute(Tuple.of(kind, sources))
                .chain(() -> c.preparedQuery("insert into content_similarity (" + COLUMNS + ")\n" + select)
                        .execute(params))
                .map(RowSet::rowCount);
    }

    private static Map<Long, Double> toMap(RowSet<Row> rows) {
        Map<Long, Double> scores = new LinkedHashMap<>();
        rows.forEach(r -> scores.put(r.getLong("item"), r.getDouble("score")));
        return scores;
    }
}
