package io.rotation.catalog.discogs.dump;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a batch of dump releases in one transaction with set-based statements: records upserted
 * by discogs_release_id, their tracks upserted by (record_id, track_index), sub-tracks linked to
 * their index track, tracks beyond a shrunk tracklist deleted, and one RecordUpserted per record
 * and TrackUpserted per track appended to the outbox in the same transaction.
 */
@ApplicationScoped
public class DumpWriter {

    static final String UPSERT_RECORDS = """
            insert into records (discogs_release_id, master_id, is_main_release, artist, artist_sort, artists, title,
                                 labels, formats, genres, styles, release_year, released, country, notes,
                                 data_quality, discogs_status, images, thumb_url, videos, extra_artists, companies,
                                 series, identifiers, tracklist_count, source, last_synced_at)
            select t.rid, t.mid, t.main, t.artist, t.artist_sort, t.artists::jsonb, t.title, t.labels::jsonb,
                   t.formats::jsonb, array(select jsonb_array_elements_text(t.genres::jsonb)),
                   array(select jsonb_array_elements_text(t.styles::jsonb)), t.yr::smallint, t.released, t.country,
                   t.notes, t.dq, t.st, t.images::jsonb, t.thumb, t.videos::jsonb, t.extra::jsonb,
                   t.companies::jsonb, t.series::jsonb, t.idents::jsonb, t.tc, 'discogs_dump', now()
            from unnest($1::bigint[], $2::bigint[], $3::bool[], $4::text[], $5::text[], $6::text[], $7::text[],
                        $8::text[], $9::text[], $10::text[], $11::text[], $12::int[], $13::text[], $14::text[],
                        $15::text[], $16::text[], $17::text[], $18::text[], $19::text[], $20::text[], $21::text[],
                        $22::text[], $23::text[], $24::text[], $25::int[])
                 as t(rid, mid, main, artist, artist_sort, artists, title, labels, formats, genres, styles, yr,
                      released, country, notes, dq, st, images, thumb, videos, extra, companies, series, idents, tc)
            on conflict (discogs_release_id) do update set
                master_id = excluded.master_id, is_main_release = excluded.is_main_release,
                artist = excluded.artist, artist_sort = excluded.artist_sort, artists = excluded.artists,
                title = excluded.title, labels = excluded.labels, formats = excluded.formats,
                genres = excluded.genres, styles = excluded.styles, release_year = excluded.release_year,
                released = excluded.released, country = excluded.country, notes = excluded.notes,
                data_quality = excluded.data_quality, discogs_status = excluded.discogs_status,
                images = excluded.images, thumb_url = excluded.thumb_url, videos = excluded.videos,
                extra_artists = excluded.extra_artists, companies = excluded.companies, series = excluded.series,
                identifiers = excluded.identifiers, tracklist_count = excluded.tracklist_count,
                source = excluded.source, last_synced_at = excluded.last_synced_at
            returning id, discogs_release_id, (xmax = 0) as inserted""";

    static final String UPSERT_TRACKS = """
            insert into tracks (record_id, position, track_index, title, duration_seconds, artists, extra_artists,
                                is_heading)
            select t.rec, t.pos, t.idx, t.title, t.dur, t.artists::jsonb, t.extra::jsonb, t.heading
            from unnest($1::bigint[], $2::text[], $3::int[], $4::text[], $5::int[], $6::text[], $7::text[],
                        $8::bool[]) as t(rec, pos, idx, title, dur, artists, extra, heading)
            on conflict (record_id, track_index) do update set
                position = excluded.position, title = excluded.title, duration_seconds = excluded.duration_seconds,
                artists = excluded.artists, extra_artists = excluded.extra_artists, is_heading = excluded.is_heading,
                parent_track_id = null
            returning id, record_id, track_index""";

    static final String LINK_SUB_TRACKS = """
            update tracks c set parent_track_id = p.id
            from unnest($1::bigint[], $2::int[], $3::int[]) as t(rec, idx, pidx)
            join tracks p on p.record_id = t.rec and p.track_index = t.pidx
            where c.record_id = t.rec and c.track_index = t.idx""";

    static final String DELETE_LEFTOVER_TRACKS = """
            delete from tracks t using unnest($1::bigint[], $2::int[]) as n(rec, cnt)
            where t.record_id = n.rec and t.track_index >= n.cnt""";

    /** What one batch wrote; {@code recordIds} are the ids of the records upserted (for cache eviction). */
    public record BatchResult(int inserted, int updated, int tracks, List<Long> recordIds) {
    }

    private final Pool pool;
    private final Outbox outbox;

    public DumpWriter(Pool pool, Outbox outbox) {
        this.pool = pool;
        this.outbox = outbox;
    }

    /** Writes the releases (distinct discogs ids) in one transaction. */
    public Uni<BatchResult> write(List<DumpRelease> releases) {
        if (releases.isEmpty()) {
            return Uni.createFrom().item(new BatchResult(0, 0, 0, List.of()));
        }
        return pool.withTransaction(connection -> write(connection, releases));
    }

    private Uni<BatchResult> write(SqlConnection connection, List<DumpRelease> releases) {
        return connection.preparedQuery(UPSERT_RECORDS).execute(recordParams(releases)).flatMap(rows -> {
            Map<Long, Long> recordIds = new HashMap<>();
            int[] inserted = {0};
            for (Row row : rows) {
                recordIds.put(row.getLong("discogs_release_id"), row.getLong("id"));
                if (row.getBoolean("inserted")) {
                    inserted[0]++;
                }
            }
            return writeTracks(connection, releases, recordIds).flatMap(trackIds -> {
                List<OutboundEvent> events = events(releases, recordIds, trackIds);
                int trackCount = events.size() - releases.size();
                return outbox.append(connection, events)
                        .map(v -> new BatchResult(inserted[0], releases.size() - inserted[0], trackCount,
                                List.copyOf(recordIds.values())));
            });
        });
    }

    /** One TrackUpserted per track and one RecordUpserted per record, keyed by the record id. */
    static List<OutboundEvent> events(List<DumpRelease> releases, Map<Long, Long> recordIds,
                                      Map<String, Long> trackIds) {
        Instant now = Instant.now();
        List<OutboundEvent> events = new ArrayList<>();
        for (DumpRelease r : releases) {
            long recordId = recordIds.get(r.discogsReleaseId());
            List<Long> ids = new ArrayList<>(r.tracks().size());
            for (DumpRelease.DumpTrack t : r.tracks()) {
                long trackId = trackIds.get(recordId + ":" + t.trackIndex());
                ids.add(trackId);
                events.add(OutboundEvent.of(EventType.TRACK_UPSERTED, recordId, new TrackUpserted(trackId,
                        recordId, r.discogsReleaseId(), t.position(), t.trackIndex(), t.title(), t.artist(),
                        t.durationSeconds(), now)));
            }
            events.add(OutboundEvent.of(EventType.RECORD_UPSERTED, recordId, new RecordUpserted(recordId,
                    r.discogsReleaseId(), r.artist(), r.title(), r.releaseYear(), r.genres(), r.styles(), ids, now)));
        }
        return events;
    }

    /** @return track ids by "recordId:trackIndex" */
    private Uni<Map<String, Long>> writeTracks(SqlConnection connection, List<DumpRelease> releases,
                                               Map<Long, Long> recordIds) {
        TrackArrays arrays = TrackArrays.of(releases, recordIds);
        int n = ((Object[]) arrays.tracks().get(0)).length;
        Uni<Map<String, Long>> upsert = n == 0 ? Uni.createFrom().item(new HashMap<>())
                : connection.preparedQuery(UPSERT_TRACKS)
                        .execute(Tuple.tuple(arrays.tracks()))
                        .map(rows -> {
                            Map<String, Long> ids = new HashMap<>();
                            for (Row row : rows) {
                                ids.put(row.getLong("record_id") + ":" + row.getInteger("track_index"),
                                        row.getLong("id"));
                            }
                            return ids;
                        });
        return upsert.flatMap(ids -> {
            Uni<Void> link = ((Object[]) arrays.subTracks().get(0)).length == 0 ? Uni.createFrom().voidItem()
                    : connection.preparedQuery(LINK_SUB_TRACKS).execute(Tuple.tuple(arrays.subTracks()))
                            .replaceWithVoid();
            return link.flatMap(v -> connection.preparedQuery(DELETE_LEFTOVER_TRACKS)
                            .execute(Tuple.tuple(arrays.counts())))
                    .replaceWith(ids);
        });
    }

    /**
     * The parameter arrays of the track statements: {@code tracks} for UPSERT_TRACKS, {@code subTracks}
     * for LINK_SUB_TRACKS, {@code counts} for DELETE_LEFTOVER_TRACKS.
     */
    record TrackArrays(List<Object> tracks, List<Object> subTracks, List<Object> counts) {

        static TrackArrays of(List<DumpRelease> releases, Map<Long, Long> recordIds) {
            int n = releases.stream().mapToInt(r -> r.tracks().size()).sum();
            Long[] rec = new Long[n];
            String[] pos = new String[n];
            Integer[] idx = new Integer[n];
            String[] title = new String[n];
            Integer[] dur = new Integer[n];
            String[] artists = new String[n];
            String[] extra = new String[n];
            Boolean[] heading = new Boolean[n];
            List<Long> subRec = new ArrayList<>();
            List<Integer> subIdx = new ArrayList<>();
            List<Integer> subParent = new ArrayList<>();
            Long[] countRec = new Long[releases.size()];
            Integer[] counts = new Integer[releases.size()];
            int i = 0;
            int k = 0;
            for (DumpRelease r : releases) {
                long recordId = recordIds.get(r.discogsReleaseId());
                countRec[k] = recordId;
                counts[k++] = r.tracks().size();
                for (DumpRelease.DumpTrack t : r.tracks()) {
                    rec[i] = recordId;
                    pos[i] = t.position();
                    idx[i] = t.trackIndex();
                    title[i] = t.title();
                    dur[i] = t.durationSeconds();
                    artists[i] = t.artists();
                    extra[i] = t.extraArtists();
                    heading[i] = t.heading();
                    if (t.parentIndex() != null) {
                        subRec.add(recordId);
                        subIdx.add(t.trackIndex());
                        subParent.add(t.parentIndex());
                    }
                    i++;
                }
            }
            return new TrackArrays(List.of(rec, pos, idx, title, dur, artists, extra, heading),
                    List.of(subRec.toArray(Long[]::new), subIdx.toArray(Integer[]::new),
                            subParent.toArray(Integer[]::new)), List.of(countRec, counts));
        }
    }

    private static Tuple recordParams(List<DumpRelease> releases) {
        return Tuple.tuple(recordArrays(releases));
    }

    /** The parameter arrays of UPSERT_RECORDS, in order. */
    static List<Object> recordArrays(List<DumpRelease> releases) {
        int n = releases.size();
        Long[] rid = new Long[n];
        Long[] mid = new Long[n];
        Boolean[] main = new Boolean[n];
        String[] artist = new String[n];
        String[] artistSort = new String[n];
        String[] artists = new String[n];
        String[] title = new String[n];
        String[] labels = new String[n];
        String[] formats = new String[n];
        String[] genres = new String[n];
        String[] styles = new String[n];
        Integer[] year = new Integer[n];
        String[] released = new String[n];
        String[] country = new String[n];
        String[] notes = new String[n];
        String[] dq = new String[n];
        String[] status = new String[n];
        String[] images = new String[n];
        String[] thumb = new String[n];
        String[] videos = new String[n];
        String[] extra = new String[n];
        String[] companies = new String[n];
        String[] series = new String[n];
        String[] identifiers = new String[n];
        Integer[] trackCount = new Integer[n];
        for (int i = 0; i < n; i++) {
            DumpRelease r = releases.get(i);
            rid[i] = r.discogsReleaseId();
            mid[i] = r.masterId();
            main[i] = r.mainRelease();
            artist[i] = r.artist();
            artistSort[i] = r.artistSort();
            artists[i] = r.artists();
            title[i] = r.title();
            labels[i] = r.labels();
            formats[i] = r.formats();
            genres[i] = jsonStrings(r.genres());
            styles[i] = jsonStrings(r.styles());
            year[i] = r.releaseYear();
            released[i] = r.released();
            country[i] = r.country();
            notes[i] = r.notes();
            dq[i] = r.dataQuality();
            status[i] = r.discogsStatus();
            images[i] = r.images();
            thumb[i] = r.thumbUrl();
            videos[i] = r.videos();
            extra[i] = r.extraArtists();
            companies[i] = r.companies();
            series[i] = r.series();
            identifiers[i] = r.identifiers();
            trackCount[i] = r.tracks().size();
        }
        return List.of(rid, mid, main, artist, artistSort, artists, title, labels, formats, genres,
                styles, year, released, country, notes, dq, status, images, thumb, videos, extra, companies, series,
                identifiers, trackCount);
    }

    private static String jsonStrings(List<String> values) {
        var array = ReleaseDumpReader.mapper().createArrayNode();
        values.forEach(array::add);
        return array.toString();
    }
}
