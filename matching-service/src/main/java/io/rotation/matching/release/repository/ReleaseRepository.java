package io.rotation.matching.release.repository;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rotation.matching.json.JsonText;
import io.rotation.contracts.catalog.RecordUpserted;
import io.rotation.contracts.catalog.TrackUpserted;
import io.rotation.matching.release.model.ReleaseToMatch;
import io.rotation.matching.scoring.model.ReleaseContext;
import io.rotation.matching.scoring.model.TrackInfo;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The release projection (releases, release_tracks) and the matching queue it carries. */
@ApplicationScoped
public class ReleaseRepository {

    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() {
    };
    private static final TypeReference<List<RecordUpserted.Video>> VIDEOS = new TypeReference<>() {
    };

    /** Tracks upserted when newer and different; their releases queued. */
    private static final String UPSERT_TRACKS = """
            with input as (
                select * from unnest($1::bigint[], $2::bigint[], $3::int[], $4::text[], $5::text[], $6::text[],
                                     $7::text[], $8::int[], $9::bool[], $10::timestamptz[])
                    as t(track_id, record_id, track_index, position, title, artist, artists, duration_seconds,
                         is_heading, upserted_at)),
            changed as (
                insert into release_tracks (track_id, record_id, track_index, position, title, artist, artists,
                                            duration_seconds, is_heading, upserted_at)
                select track_id, record_id, track_index, position, title, artist, artists::jsonb, duration_seconds,
                       is_heading, upserted_at from input
                on conflict (track_id) do update set
                    record_id = excluded.record_id, track_index = excluded.track_index, position = excluded.position,
                    title = excluded.title, artist = excluded.artist, artists = excluded.artists,
                    duration_seconds = excluded.duration_seconds, is_heading = excluded.is_heading,
                    upserted_at = excluded.upserted_at
                where release_tracks.upserted_at <= excluded.upserted_at
                  and (release_tracks.record_id, release_tracks.track_index, release_tracks.position,
                       release_tracks.title, release_tracks.artists, release_tracks.duration_seconds,
                       release_tracks.is_heading)
                      is distinct from
                      (excluded.record_id, excluded.track_index, excluded.position, excluded.title, excluded.artists,
                       excluded.duration_seconds, excluded.is_heading)
                returning record_id)
            update releases set match_requested_at = now()
            where record_id in (select record_id from changed)""";

    /** Releases upserted when newer and different (queued then), tracks no longer listed deleted. */
    private static final String UPSERT_RELEASES = """
            with input as (
                select * from unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::text[], $6::int[],
                                     $7::text[], $8::text[], $9::timestamptz[])
                    as t(record_id, discogs_release_id, title, artist, artists, release_year, videos, track_ids,
                         upserted_at)),
            changed as (
                insert into releases (record_id, discogs_release_id, title, artist, artists, release_year, videos,
                                      track_ids, upserted_at, match_requested_at)
                select record_id, discogs_release_id, title, artist, artists::jsonb, release_year, videos::jsonb,
                       track_ids::bigint[], upserted_at, now() from input
                on conflict (record_id) do update set
                    discogs_release_id = excluded.discogs_release_id, title = excluded.title,
                    artist = excluded.artist, artists = excluded.artists, release_year = excluded.release_year,
                    videos = excluded.videos, track_ids = excluded.track_ids, upserted_at = excluded.upserted_at,
                    match_requested_at = now()
                where releases.upserted_at <= excluded.upserted_at
                  and (releases.title, releases.artist, releases.artists, releases.release_year, releases.videos,
                       releases.track_ids)
                      is distinct from
                      (excluded.title, excluded.artist, excluded.artists, excluded.release_year, excluded.videos,
                       excluded.track_ids)
                returning record_id, track_ids)
            delete from release_tracks t using changed c
            where t.record_id = c.record_id and not (t.track_id = any(c.track_ids))""";

    /** Up to $1 queued releases, oldest request first, claimed until $2 (skipping other replicas' claims). */
    private static final String CLAIM = """
            update releases r set match_claimed_until = now() + $2::int * interval '1 second'
            where r.record_id in (
                select record_id from releases
                where match_requested_at is not null and (match_claimed_until is null or match_claimed_until < now())
                order by match_requested_at
                limit $1
                for update skip locked)
            returning r.record_id, r.discogs_release_id, r.title, r.artist, r.artists::text as artists,
                      r.release_year, r.videos::text as videos, r.track_ids, r.match_requested_at""";

    private static final String TRACKS_OF = """
            select t.track_id, t.record_id, t.position, t.title, t.artists::text as artists, t.duration_seconds
            from release_tracks t join releases r on r.record_id = t.record_id and t.track_id = any(r.track_ids)
            where t.record_id = any($1) and not t.is_heading
            order by t.record_id, t.track_index""";

    /** Done: the request is cleared unless a newer one came meanwhile. */
    private static final String MARK_CONSIDERED = """
            update releases r set considered_at = now(), match_claimed_until = null,
                   match_requested_at = case when r.match_requested_at = d.requested_at then null
                                             else r.match_requested_at end
            from unnest($1::bigint[], $2::timestamptz[]) as d(record_id, requested_at)
            where r.record_id = d.record_id""";

    private final Pool pool;
    private final ObjectMapper mapper;

    public ReleaseRepository(Pool pool, ObjectMapper mapper) {
        this.pool = pool;
        this.mapper = mapper;
    }

    public Uni<Void> upsertTracks(SqlConnection connection, List<TrackUpserted> tracks) {
        if (tracks.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = tracks.size();
        Long[] id = new Long[n];
        Long[] record = new Long[n];
        Integer[] index = new Integer[n];
        String[] position = new String[n];
        String[] title = new String[n];
        String[] artist = new String[n];
        String[] artists = new String[n];
        Integer[] duration = new Integer[n];
        Boolean[] heading = new Boolean[n];
        OffsetDateTime[] at = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            TrackUpserted t = tracks.get(i);
            id[i] = t.trackId();
            record[i] = t.recordId();
            index[i] = t.trackIndex();
            position[i] = t.position();
            title[i] = t.title();
            artist[i] = t.artist();
            artists[i] = JsonText.write(mapper, t.artists() == null ? List.of() : t.artists());
            duration[i] = t.durationSeconds() == null || t.durationSeconds() < 0 ? null : t.durationSeconds();
            heading[i] = Boolean.TRUE.equals(t.heading());
            at[i] = t.upsertedAt().atOffset(ZoneOffset.UTC);
        }
        return connection.preparedQuery(UPSERT_TRACKS)
                .execute(Tuple.tuple(List.of(id, record, index, position, title, artist, artists, duration, heading,
                        at)))
                .replaceWithVoid();
    }

    public Uni<Void> upsertReleases(SqlConnection connection, List<RecordUpserted> records) {
        if (records.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = records.size();
        Long[] id = new Long[n];
        Long[] discogs = new Long[n];
        String[] title = new String[n];
        String[] artist = new String[n];
        String[] artists = new String[n];
        Integer[] year = new Integer[n];
        String[] videos = new String[n];
        String[] trackIds = new String[n];
        OffsetDateTime[] at = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            RecordUpserted r = records.get(i);
            id[i] = r.recordId();
            discogs[i] = r.discogsReleaseId();
            title[i] = r.title();
            artist[i] = r.artist();
            artists[i] = JsonText.write(mapper, r.artists() != null ? r.artists() : r.artist() == null ? List.of() : List.of(r.artist()));
            year[i] = r.releaseYear();
            videos[i] = JsonText.write(mapper, r.videos() == null ? List.of() : r.videos());
            trackIds[i] = (r.trackIds() == null ? List.<Long>of() : r.trackIds()).stream().map(String::valueOf)
                    .collect(Collectors.joining(",", "{", "}"));
            at[i] = r.upsertedAt().atOffset(ZoneOffset.UTC);
        }
        return connection.preparedQuery(UPSERT_RELEASES)
                .execute(Tuple.tuple(List.of(id, discogs, title, artist, artists, year, videos, trackIds, at)))
                .replaceWithVoid();
    }

    /** Claims up to {@code limit} queued releases for {@code claim}, with their playable tracks in order. */
    public Uni<List<ReleaseToMatch>> claim(int limit, Duration claim) {
        return pool.withTransaction(connection -> connection.preparedQuery(CLAIM)
                        .execute(Tuple.of(limit, (int) claim.toSeconds())))
                .chain(rows -> {
                    Map<Long, Row> claimed = new LinkedHashMap<>();
                    rows.forEach(row -> claimed.put(row.getLong("record_id"), row));
                    if (claimed.isEmpty()) {
                        return Uni.createFrom().item(List.<ReleaseToMatch>of());
                    }
                    return pool.preparedQuery(TRACKS_OF).execute(Tuple.of(claimed.keySet().toArray(Long[]::new)))
                            .map(tracks -> toReleases(claimed, tracks));
                });
    }

    public Uni<Void> markConsidered(SqlConnection connection, List<ReleaseToMatch> releases) {
        Long[] ids = releases.stream().map(r -> r.context().recordId()).toArray(Long[]::new);
        OffsetDateTime[] at = releases.stream().map(r -> r.requestedAt().atOffset(ZoneOffset.UTC))
                .toArray(OffsetDateTime[]::new);
        return connection.preparedQuery(MARK_CONSIDERED).execute(Tuple.of(ids, at)).replaceWithVoid();
    }

    /** A batch that failed: its claims released, so that the next tick (of any replica) takes it again. */
    public Uni<Void> releaseClaims(List<ReleaseToMatch> releases) {
        return pool.preparedQuery("update releases set match_claimed_until = null where record_id = any($1)")
                .execute(Tuple.of((Object) releases.stream().map(r -> r.context().recordId()).toArray(Long[]::new)))
                .replaceWithVoid();
    }

    /** Queues these releases (null: every release) for matching; how many are queued now. */
    public Uni<Long> requestMatching(Long[] recordIds) {
        return pool.preparedQuery("""
                        update releases set match_requested_at = now()
                        where $1::bigint[] is null or record_id = any($1)""")
                .execute(Tuple.of((Object) recordIds))
                .chain(() -> pool.query("select count(*) as n from releases where match_requested_at is not null")
                        .execute())
                .map(rows -> rows.iterator().next().getLong("n"));
    }

    /** Ids of the record's playable tracks in tracklist order (empty: unknown record). */
    public Uni<List<Long>> trackIdsOf(long recordId) {
        return pool.preparedQuery("""
                        select t.track_id from release_tracks t
                        join releases r on r.record_id = t.record_id and t.track_id = any(r.track_ids)
                        where t.record_id = $1 and not t.is_heading order by t.track_index""")
                .execute(Tuple.of(recordId))
                .map(rows -> {
                    List<Long> ids = new ArrayList<>();
                    rows.forEach(row -> ids.add(row.getLong("track_id")));
                    return ids;
                });
    }

    /** The record a known playable track belongs to, or null when matching does not know the track. */
    public Uni<Long> recordOfTrack(SqlConnection connection, long trackId) {
        return connection.preparedQuery("select record_id from release_tracks where track_id = $1 and not is_heading")
                .execute(Tuple.of(trackId))
                .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getLong("record_id"));
    }

    private List<ReleaseToMatch> toReleases(Map<Long, Row> claimed, Iterable<Row> trackRows) {
        Map<Long, List<TrackInfo>> tracks = new LinkedHashMap<>();
        for (Row t : trackRows) {
            tracks.computeIfAbsent(t.getLong("record_id"), k -> new ArrayList<>()).add(new TrackInfo(
                    t.getLong("track_id"), t.getString("position") == null ? "" : t.getString("position"),
                    t.getString("title"), JsonText.read(mapper, t.getString("artists"), STRINGS), t.getInteger("duration_seconds")));
        }
        List<ReleaseToMatch> releases = new ArrayList<>();
        for (Row r : claimed.values()) {
            long recordId = r.getLong("record_id");
            ReleaseContext context = new ReleaseContext(recordId, r.getLong("discogs_release_id"), r.getString("title"),
                    JsonText.read(mapper, r.getString("artists"), STRINGS), r.getInteger("release_year"),
                    List.copyOf(tracks.getOrDefault(recordId, List.of())));
            releases.add(new ReleaseToMatch(context, JsonText.read(mapper, r.getString("videos"), VIDEOS),
                    r.getOffsetDateTime("match_requested_at").toInstant()));
        }
        return releases;
    }


}
