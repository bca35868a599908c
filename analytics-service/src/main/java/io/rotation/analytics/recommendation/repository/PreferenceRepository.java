package io.rotation.analytics.recommendation.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Preferences in recommendation_data besides the plays' record and track rows, on the consumer's transaction:
 * favourite records (a record row whose affinity carries {@link #FAVORITE_WEIGHT}), the artists, genres and
 * styles of the records played or favourited (rows of entity_type artist/genre/style pointing at
 * preference_terms, from the catalog_records projection), and followed stores and users.
 */
@ApplicationScoped
public class PreferenceRepository {

    /** A favourite weighs as much as this many full plays. */
    public static final double FAVORITE_WEIGHT = 3.0;

    /** The artist, genres and styles of catalog_records {@code c}, as (kind, name); "Various" is no artist. */
    private static final String TERMS_OF_RECORD = """
            cross join lateral (
                select 'artist'::text, c.artist
                 where c.artist is not null and c.artist <> '' and lower(c.artist) <> 'various'
                union all select 'genre', g from unnest(c.genres) g where g <> ''
                union all select 'style', s from unnest(c.styles) s where s <> '') as t(kind, name)""";

    private static final String ADD_TERMS = """
            insert into preference_terms (kind, name)
            select distinct t.kind, t.name from catalog_records c
            """ + TERMS_OF_RECORD + """

             where c.record_id = any($1::bigint[])
             order by 1, 2
            on conflict (kind, name) do nothing""";

    /** The evidence, per user and term of the records: {@code x} = (user, kind, term id, weight, plays, ms, at). */
    private static final String EVIDENCE = """
            select x.u, p.kind, p.id, sum(x.w) as w, sum(x.n)::int as n, sum(x.ms) as ms, max(x.at) as at
              from unnest($1::bigint[], $2::bigint[], $3::float8[], $4::int[], $5::bigint[], $6::timestamptz[])
                   as x(u, r, w, n, ms, at)
              join catalog_records c on c.record_id = x.r
            """ + TERMS_OF_RECORD + """

              join preference_terms p on p.kind = t.kind and p.name = t.name
             group by x.u, p.kind, p.id""";

    /**
     * Adds each record's evidence to the user's rows of its artist, genres and styles. The confidence grows
     * with the evidence (1 − e^(−affinity/5): a full play adds 1, a favourite 3) and the row expires 180
     * days after the last interaction, as the record rows do. Records the projection does not know yet add
     * nothing.
     */
    private static final String ADD_TASTES = """
            insert into recommendation_data (user_id, entity_type, entity_id, affinity_score, play_count,
                                             total_listening_ms, confidence, last_interaction_at, expires_at)
            select e.u, e.kind, e.id, e.w, e.n, e.ms, round((1 - exp(-e.w / 5.0))::numeric, 4), e.at,
                   e.at + interval '180 days'
              from (""" + EVIDENCE + """
            ) e
             order by e.u, e.kind, e.id
            on conflict (user_id, entity_type, entity_id) do update set
                affinity_score = recommendation_data.affinity_score + excluded.affinity_score,
                play_count = recommendation_data.play_count + excluded.play_count,
                total_listening_ms = recommendation_data.total_listening_ms + excluded.total_listening_ms,
                confidence = round((1 - exp(-(recommendation_data.affinity_score + excluded.affinity_score)
                                            / 5.0))::numeric, 4),
                last_interaction_at = greatest(recommendation_data.last_interaction_at, excluded.last_interaction_at),
                expires_at = greatest(recommendation_data.last_interaction_at, excluded.last_interaction_at)
                             + interval '180 days'""";

    /** Takes evidence back (a favourite removed): the weights are subtracted, never below 0. */
    private static final String TAKE_TASTES = """
            update recommendation_data d
               set affinity_score = greatest(d.affinity_score - e.w, 0),
                   confidence = round((1 - exp(-greatest(d.affinity_score - e.w, 0) / 5.0))::numeric, 4)
              from (""" + EVIDENCE + """
            ) e
             where d.user_id = e.u and d.entity_type = e.kind and d.entity_id = e.id""";

    /** What one play or favourite of a record says about its artist, genres and styles. */
    public record Taste(long userId, long recordId, double weight, int plays, long listeningMs, Instant at) {
    }

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

    /** Adds the tastes to the users' artist, genre and style rows (created when missing). */
    public Uni<Void> addTastes(SqlConnection c, List<Taste> tastes) {
        return tastes(c, ADD_TASTES, tastes);
    }

    /** Takes the tastes' weights from the users' artist, genre and style rows. */
    public Uni<Void> takeTastes(SqlConnection c, List<Taste> tastes) {
        return tastes(c, TAKE_TASTES, tastes);
    }

    private Uni<Void> tastes(SqlConnection c, String sql, List<Taste> tastes) {
        if (tastes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = tastes.size();
        Long[] users = new Long[n];
        Long[] records = new Long[n];
        Double[] weights = new Double[n];
        Integer[] plays = new Integer[n];
        Long[] listening = new Long[n];
        OffsetDateTime[] at = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            Taste t = tastes.get(i);
            users[i] = t.userId();
            records[i] = t.recordId();
            weights[i] = t.weight();
            plays[i] = t.plays();
            listening[i] = t.listeningMs();
            at[i] = t.at().atOffset(ZoneOffset.UTC);
        }
        return c.preparedQuery(ADD_TERMS).execute(Tuple.of((Object) records))
                .chain(() -> c.preparedQuery(sql)
                        .execute(Tuple.tuple(List.of(users, records, weights, plays, listening, at))))
                .replaceWithVoid();
    }

    /** A follow of a store or user: a preference row that lasts while the follow does. */
    public Uni<Void> follow(SqlConnection c, long userId, String targetType, long targetId, Instant at) {
        return c.preparedQuery("""
                        insert into recommendation_data (user_id, entity_type, entity_id, affinity_score, confidence,
                                                         last_interaction_at)
                        values ($1, $2, $3, 1, 1, $4)
                        on conflict (user_id, entity_type, entity_id) do update set
                            affinity_score = 1, confidence = 1,
                            last_interaction_at = greatest(recommendation_data.last_interaction_at,
                                                           excluded.last_interaction_at)""")
                .execute(Tuple.of(userId, targetType, targetId, at.atOffset(ZoneOffset.UTC)))
                .replaceWithVoid();
    }

    public Uni<Void> unfollow(SqlConnection c, long userId, String targetType, long targetId) {
        return c.preparedQuery("delete from recommendation_data where user_id = $1 and entity_type = $2 and entity_id = $3")
                .execute(Tuple.of(userId, targetType, targetId))
                .replaceWithVoid();
    }
}
