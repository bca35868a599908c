package io.rotation.catalog.discogs.api;

import io.rotation.contracts.EventType;
import io.rotation.contracts.catalog.RecordUpserted;
import io.rotation.contracts.catalog.TrackUpserted;
import io.rotation.platform.event.OutboundEvent;
import io.rotation.platform.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Upserts a release fetched from the Discogs API (source {@code discogs_api}) with its tracks, in
 * one transaction with its RecordUpserted and TrackUpserted events, as the dump import does for
 * dump releases: records by discogs_release_id, tracks by (record_id, track_index) so that track ids
 * stay stable, sub-tracks linked to their index track, tracks beyond a shrunk tracklist deleted.
 */
@ApplicationScoped
public class ReleaseWriter {

    static final String UPSERT_RECORD = """
            insert into records (discogs_release_id, master_id, artist, artist_sort, artists, title, labels, formats,
                                 genres, styles, release_year, released, country, notes, data_quality,
                                 discogs_status, images, thumb_url, videos, extra_artists, companies, series,
                                 identifiers, tracklist_count, source, last_synced_at)
            values ($1, $2, $3, $4, cast($5::text as jsonb), $6, cast($7::text as jsonb), cast($8::text as jsonb),
                    $9::text[], $10::text[], $11::smallint, $12, $13, $14, $15, $16, cast($17::text as jsonb), $18,
                    cast($19::text as jsonb), cast($20::text as jsonb), cast($21::text as jsonb),
                    cast($22::text as jsonb), cast($23::text as jsonb), $24, 'discogs_api', now())
            on conflict (discogs_release_id) do update set
                master_id = excluded.master_id, artist = excluded.artist, artist_sort = excluded.artist_sort,
                artists = excluded.artists, title = excluded.title, labels = excluded.labels,
                formats = excluded.formats, genres = excluded.genres, styles = excluded.styles,
                release_year = excluded.release_year, released = excluded.released, country = excluded.country,
                notes = excluded.notes, data_quality = excluded.data_quality,
                discogs_status = excluded.discogs_status, images = excluded.images, thumb_url = excluded.thumb_url,
                videos = excluded.videos, extra_artists = excluded.extra_artists, companies = excluded.companies,
                series = excluded.series, identifiers = excluded.identifiers,
                tracklist_count = excluded.tracklist_count, source = excluded.source,
                last_synced_at = excluded.last_synced_at
            returning id""";

    static final String UPSERT_TRACKS = """
            insert into tracks (record_id, position, track_index, title, duration_seconds, artists, extra_artists,
                                is_heading)
            select $1, t.pos, t.idx, t.title, t.dur, t.artists::jsonb, t.extra::jsonb, t.heading
            from unnest($2::text[], $3::int[], $4::text[], $5::int[], $6::text[], $7::text[], $8::bool[])
                 as t(pos, idx, title, dur, artists, extra, heading)
            on conflict (record_id, track_index) do update set
                position = excluded.position, title = excluded.title, duration_seconds = excluded.duration_seconds,
                artists = excluded.artists, extra_artists = excluded.extra_artists, is_heading = excluded.is_heading,
                parent_track_id = null
            returning id, track_index""";

    static final String LINK_SUB_TRACKS = """
            update tracks c set parent_track_id = p.id
            from unnest($2::int[], $3::int[]) as t(idx, pidx)
            join tracks p on p.record_id = $1 and p.track_index = t.pidx
            where c.record_id = $1 and c.track_index = t.idx""";

    private final Pool pool;
    private final Outbox outbox;

    public ReleaseWriter(Pool pool, Outbox outbox) {
        this.pool = pool;
        this.outbox = outbox;
    }

    /** Writes the release in its own transaction; the record's id. */
    public Uni<Long> write(ApiRelease release) {
        return pool.withTransaction(c -> write(c, release));
    }

    public Uni<Long> write(SqlConnection c, ApiRelease r) {
        Tuple record = Tuple.from(Arrays.asList(r.discogsReleaseId(), r.masterId(), r.artist(), r.artistSort(),
                r.artists(), r.title(), r.labels(), r.formats(), r.genres().toArray(String[]::new),
                r.styles().toArray(String[]::new), r.releaseYear(), r.released(), r.country(), r.notes(),
                r.dataQuality(), r.discogsStatus(), r.images(), r.thumbUrl(), r.videos(), r.extraArtists(),
                r.companies(), r.series(), r.identifiers(), r.tracks().size()));
        return c.preparedQuery(UPSERT_RECORD).execute(record).map(rows -> rows.iterator().next().getLong("id"))
                .chain(recordId -> tracks(c, recordId, r.tracks())
                        .chain(trackIds -> c.preparedQuery(
                                        "delete from tracks where record_id = $1 and track_index >= $2")
                                .execute(Tuple.of(recordId, r.tracks().size()))
                                .chain(() -> outbox.append(c, events(r, recordId, trackIds))))
                        .replaceWith(recordId));
    }

    /** @return track ids by track index */
    private Uni<Map<Integer, Long>> tracks(SqlConnection c, long recordId, List<ApiRelease.ApiTrack> tracks) {
        if (tracks.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        int n = tracks.size();
        String[] pos = new String[n];
        Integer[] idx = new Integer[n];
        String[] title = new String[n];
        Integer[] dur = new Integer[n];
        String[] artists = new String[n];
        String[] extra = new String[n];
        Boolean[] heading = new Boolean[n];
        List<Integer> subIdx = new ArrayList<>();
        List<Integer> parentIdx = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ApiRelease.ApiTrack t = tracks.get(i);
            pos[i] = t.position();
            idx[i] = t.trackIndex();
            title[i] = t.title();
            dur[i] = t.durationSeconds();
            artists[i] = t.artists();
            extra[i] = t.extraArtists();
            heading[i] = t.heading();
            if (t.parentIndex() != null) {
                subIdx.add(t.trackIndex());
                parentIdx.add(t.parentIndex());
            }
        }
        return c.preparedQuery(UPSERT_TRACKS)
                .execute(Tuple.from(Arrays.asList(recordId, pos, idx, title, dur, artists, extra, heading)))
                .map(rows -> {
                    Map<Integer, Long> ids = new HashMap<>();
                    for (Row row : rows) {
                        ids.put(row.getInteger("track_index"), row.getLong("id"));
                    }
                    return ids;
                })
                .call(ids -> subIdx.isEmpty() ? Uni.createFrom().voidItem()
                        : c.preparedQuery(LINK_SUB_TRACKS).execute(Tuple.of(recordId,
                                subIdx.toArray(Integer[]::new), parentIdx.toArray(Integer[]::new))));
    }

    private static List<OutboundEvent> events(ApiRelease r, long recordId, Map<Integer, Long> trackIds) {
        Instant now = Instant.now();
        List<OutboundEvent> events = new ArrayList<>();
        List<Long> ids = new ArrayList<>();
        for (ApiRelease.ApiTrack t : r.tracks()) {
            long trackId = trackIds.get(t.trackIndex());
            ids.add(trackId);
            events.add(OutboundEvent.of(EventType.TRACK_UPSERTED, recordId, new TrackUpserted(trackId, recordId,
                    r.discogsReleaseId(), t.position(), t.trackIndex(), t.title(), t.artist(), t.durationSeconds(),
                    now)));
        }
        events.add(OutboundEvent.of(EventType.RECORD_UPSERTED, recordId, new RecordUpserted(recordId,
                r.discogsReleaseId(), r.artist(), r.title(), r.releaseYear(), r.genres(), r.styles(), ids, now)));
        return events;
    }
}
