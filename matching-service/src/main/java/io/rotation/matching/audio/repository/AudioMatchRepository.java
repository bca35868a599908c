package io.rotation.matching.audio.repository;

import io.rotation.matching.audio.model.MatchView;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** audio_matches: the writes of matching runs, reviews and reports, and the reads that serve them. */
@ApplicationScoped
public class AudioMatchRepository {

    static final String COLUMNS = """
            m.id, m.track_id, m.record_id, m.platform::text as platform, m.external_id, m.url, m.title,
            m.duration_seconds, m.confidence_score, m.status::text as status, m.is_primary, m.match_method""";

    /**
     * Best first: what a human verified, then confidence in steps of 0.05; between candidates that good,
     * measured audio quality and then popularity decide.
     */
    static final String RANK = """
            (m.status = 'verified') desc, round(m.confidence_score * 20) desc, m.quality_score desc nulls last,
            coalesce(m.view_count, 0) desc, coalesce(m.like_count, 0) desc, m.confidence_score desc, m.id""";

    static final String PLAYABLE = "m.status in ('verified', 'auto_approved') and m.is_available";

    /** A row as a writer sees it before changing it. */
    public record Existing(long id, long trackId, String platform, String externalId, String status,
                           String matchMethod, boolean reported) {
    }

    /** A new match: confidence in 0..1, metadata as JSON text. */
    public record NewRow(long trackId, long recordId, String platform, String externalId, String url, String title,
                         String channelName, Integer durationSeconds, double confidence, String status,
                         String matchMethod, Long verifiedBy, Long viewCount, Long likeCount, String metadata) {
    }

    /** A new confidence, status and score parts for an existing match. */
    public record ScoreUpdate(long id, double confidence, String status, String metadata) {
    }

    private final Pool pool;

    public AudioMatchRepository(Pool pool) {
        this.pool = pool;
    }

    /** Who and why for the history rows the trigger writes in this transaction. */
    public Uni<Void> sayWhoAndWhy(SqlConnection connection, Long actorId, String reason) {
        return connection.preparedQuery("select set_config('rotation.actor_id', $1, true), "
                        + "set_config('rotation.change_reason', $2, true)")
                .execute(Tuple.of(actorId == null ? "" : String.valueOf(actorId), reason == null ? "" : reason))
                .replaceWithVoid();
    }

    /** The matches of these tracks, locked for the writer's transaction. */
    public Uni<List<Existing>> lockOfTracks(SqlConnection connection, Long[] trackIds) {
        return connection.preparedQuery("""
                        select m.id, m.track_id, m.platform::text as platform, m.external_id, m.status::text as status,
                               m.match_method,
                               exists (select 1 from match_reports r where r.audio_match_id = m.id
                                       and r.reported_at > coalesce(m.verified_at, '-infinity')) as reported
                        from audio_matches m where m.track_id = any($1) order by m.id for update""")
                .execute(Tuple.of((Object) trackIds))
                .map(rows -> list(rows, r -> new Existing(r.getLong("id"), r.getLong("track_id"),
                        r.getString("platform"), r.getString("external_id"), r.getString("status"),
                        r.getString("match_method"), r.getBoolean("reported"))));
    }

    /** Inserts new matches; their ids in order. */
    public Uni<List<Long>> insert(SqlConnection connection, List<NewRow> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        int n = rows.size();
        Long[] track = new Long[n];
        Long[] record = new Long[n];
        String[] platform = new String[n];
        String[] external = new String[n];
        String[] url = new String[n];
        String[] title = new String[n];
        String[] channel = new String[n];
        Integer[] duration = new Integer[n];
        Double[] confidence = new Double[n];
        String[] status = new String[n];
        String[] method = new String[n];
        Long[] verifiedBy = new Long[n];
        Long[] views = new Long[n];
        Long[] likes = new Long[n];
        String[] metadata = new String[n];
        for (int i = 0; i < n; i++) {
            NewRow r = rows.get(i);
            track[i] = r.trackId();
            record[i] = r.recordId();
            platform[i] = r.platform();
            external[i] = r.externalId();
            url[i] = r.url();
            title[i] = r.title();
            channel[i] = r.channelName();
            duration[i] = r.durationSeconds();
            confidence[i] = r.confidence();
            status[i] = r.status();
            method[i] = r.matchMethod();
            verifiedBy[i] = r.verifiedBy();
            views[i] = r.viewCount();
            likes[i] = r.likeCount();
            metadata[i] = r.metadata();
        }
        return connection.preparedQuery("""
                        insert into audio_matches (track_id, record_id, platform, external_id, url, title, channel_name,
                                                   duration_seconds, confidence_score, status, match_method,
                                                   verified_by, verified_at, view_count, like_count,
                                                   popularity_updated_at, metadata)
                        select t.track, t.record, t.platform::audio_platform, t.external, t.url, t.title, t.channel,
                               t.duration, round(t.confidence::numeric, 4), t.status::match_status, t.method,
                               t.verified_by, case when t.verified_by is not null then now() end, t.views, t.likes,
                               case when t.views is not null or t.likes is not null then now() end,
                               t.metadata::jsonb
                        from unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::text[],
                                    $7::text[], $8::int[], $9::float8[], $10::text[], $11::text[], $12::bigint[],
                                    $13::bigint[], $14::bigint[], $15::text[])
                             with ordinality as t(track, record, platform, external, url, title, channel, duration,
                                                  confidence, status, method, verified_by, views, likes, metadata, n)
                        order by t.n
                        returning id""")
                .execute(Tuple.tuple(List.of(track, record, platform, external, url, title, channel, duration,
                        confidence, status, method, verifiedBy, views, likes, metadata)))
                .map(result -> list(result, r -> r.getLong("id")));
    }

    public Uni<Void> updateScores(SqlConnection connection, List<ScoreUpdate> updates) {
        if (updates.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return connection.preparedQuery("""
                        update audio_matches m set confidence_score = round(u.confidence::numeric, 4),
                               status = u.status::match_status, metadata = u.metadata::jsonb
                        from unnest($1::bigint[], $2::float8[], $3::text[], $4::text[])
                             as u(id, confidence, status, metadata)
                        where m.id = u.id""")
                .execute(Tuple.of(updates.stream().map(ScoreUpdate::id).toArray(Long[]::new),
                        updates.stream().map(ScoreUpdate::confidence).toArray(Double[]::new),
                        updates.stream().map(ScoreUpdate::status).toArray(String[]::new),
                        updates.stream().map(ScoreUpdate::metadata).toArray(String[]::new)))
                .replaceWithVoid();
    }

    /** Sets a status; {@code reviewer} (an admin) is recorded as verified_by for a verdict. */
    public Uni<Void> setStatus(SqlConnection connection, Long[] ids, String status, Long reviewer) {
        return connection.preparedQuery("""
                        update audio_matches set status = $2::match_status,
                               verified_by = coalesce($3::bigint, verified_by),
                               verified_at = case when $3::bigint is not null then now() else verified_at end
                        where id = any($1)""")
                .execute(Tuple.of(ids, status, reviewer))
                .replaceWithVoid();
    }

    /**
     * Makes the best playable match of each track and platform its primary (one per pair).
     *
     * @return ids whose primacy flipped
     */
    public Uni<Set<Long>> recomputePrimaries(SqlConnection connection, Long[] trackIds) {
        String best = """
                select distinct on (m.track_id, m.platform) m.id from audio_matches m
                where m.track_id = any($1) and %s
                order by m.track_id, m.platform, %s""".formatted(PLAYABLE, RANK);
        Set<Long> flipped = new HashSet<>();
        return connection.preparedQuery("update audio_matches set is_primary = false where track_id = any($1) "
                        + "and is_primary and id not in (" + best + ") returning id")
                .execute(Tuple.of((Object) trackIds))
                .invoke(rows -> rows.forEach(r -> flipped.add(r.getLong("id"))))
                .chain(() -> connection.preparedQuery("update audio_matches set is_primary = true where id in ("
                                + best + ") and not is_primary returning id")
                        .execute(Tuple.of((Object) trackIds)))
                .map(rows -> {
                    rows.forEach(r -> flipped.add(r.getLong("id")));
                    return flipped;
                });
    }

    /** The legacy track_matches keep exactly each track's primary YouTube match. */
    public Uni<Void> syncLegacy(SqlConnection connection, Long[] trackIds) {
        return connection.preparedQuery("""
                        delete from track_matches t where t.track_id = any($1) and not exists (
                            select 1 from audio_matches m where m.track_id = t.track_id and m.platform = 'youtube'
                            and m.is_primary and m.external_id = t.youtube_id)""")
                .execute(Tuple.of((Object) trackIds))
                .chain(() -> connection.preparedQuery("""
                                insert into track_matches (track_id, platform, youtube_id, url, title, confidence,
                                                           migrated_to_audio_match_id)
                                select m.track_id, 'youtube', m.external_id, m.url, m.title, m.confidence_score, m.id
                                from audio_matches m
                                where m.track_id = any($1) and m.platform = 'youtube' and m.is_primary
                                  and length(m.external_id) <= 64
                                on conflict (track_id, youtube_id) do update set url = excluded.url,
                                    title = excluded.title, confidence = excluded.confidence,
                                    migrated_to_audio_match_id = excluded.migrated_to_audio_match_id""")
                        .execute(Tuple.of((Object) trackIds)))
                .replaceWithVoid();
    }

    public Uni<List<MatchView>> findByIds(SqlClient client, Long[] ids) {
        return client.preparedQuery("select " + COLUMNS + " from audio_matches m where m.id = any($1) order by m.id")
                .execute(Tuple.of((Object) ids))
                .map(rows -> list(rows, AudioMatchRepository::view));
    }

    public Uni<MatchView> findById(SqlClient client, long id) {
        return findByIds(client, new Long[] {id}).map(found -> found.isEmpty() ? null : found.get(0));
    }

    /** The match locked for a change, or null. */
    public Uni<MatchView> lock(SqlConnection connection, long id) {
        return connection.preparedQuery("select " + COLUMNS + " from audio_matches m where m.id = $1 for update")
                .execute(Tuple.of(id))
                .map(rows -> rows.size() == 0 ? null : view(rows.iterator().next()));
    }

    /** The playable matches of these tracks, each track's best first (tracks in the given order). */
    public Uni<List<MatchView>> playableOfTracks(Long[] trackIds) {
        return pool.preparedQuery("select " + COLUMNS + " from audio_matches m "
                        + "join unnest($1::bigint[]) with ordinality as t(track_id, n) on t.track_id = m.track_id "
                        + "where " + PLAYABLE + " order by t.n, " + RANK)
                .execute(Tuple.of((Object) trackIds))
                .map(rows -> list(rows, AudioMatchRepository::view));
    }

    /** Whether a match of this platform and external id exists for the track. */
    public Uni<Long> idOf(SqlConnection connection, long trackId, String platform, String externalId) {
        return connection.preparedQuery("select id from audio_matches where track_id = $1 "
                        + "and platform = $2::audio_platform and external_id = $3")
                .execute(Tuple.of(trackId, platform, externalId))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getLong("id"));
    }

    /** Review queue: needs_review matches, longest waiting first, after ($1, $2). */
    public Uni<List<Row>> reviewQueue(Instant afterAt, Long afterId, int limit) {
        return pool.preparedQuery("select " + COLUMNS + """
                        , m.status_changed_at, m.metadata::text as metadata,
                          (select count(distinct r.user_id) from match_reports r where r.audio_match_id = m.id
                           and r.reported_at > coalesce(m.verified_at, '-infinity')) as reporters,
                          t.position as track_position, t.title as track_title,
                          t.duration_seconds as track_duration, rel.title as release_title,
                          rel.artists::text as release_artists
                        from audio_matches m
                        left join release_tracks t on t.track_id = m.track_id
                        left join releases rel on rel.record_id = m.record_id
                        where m.status = 'needs_review'
                          and ($1::timestamptz is null or (m.status_changed_at, m.id) > ($1, $2::bigint))
                        order by m.status_changed_at, m.id
                        limit $3""")
                .execute(Tuple.of(afterAt == null ? null : afterAt.atOffset(java.time.ZoneOffset.UTC), afterId, limit))
                .map(rows -> list(rows, r -> r));
    }

    /** Live candidates of these tracks, best first. */
    public Uni<List<Row>> candidatesOf(Long[] trackIds) {
        return pool.preparedQuery("""
                        select track_id, platform::text as platform, external_id, url, title, duration_seconds, score,
                               raw::text as raw
                        from match_candidates where track_id = any($1) and expires_at > now()
                        order by track_id, score desc, id""")
                .execute(Tuple.of((Object) trackIds))
                .map(rows -> list(rows, r -> r));
    }

    public static MatchView view(Row r) {
        return new MatchView(r.getLong("id"), r.getLong("track_id"), r.getLong("record_id"), r.getString("platform"),
                r.getString("external_id"), r.getString("url"), r.getString("title"),
                r.getInteger("duration_seconds"), r.getBigDecimal("confidence_score").doubleValue(),
                r.getString("status"), r.getBoolean("is_primary"), r.getString("match_method"));
    }

    static <T> List<T> list(RowSet<Row> rows, Function<Row, T> map) {
        List<T> out = new ArrayList<>(rows.size());
        rows.forEach(r -> out.add(map.apply(r)));
        return out;
    }
}
