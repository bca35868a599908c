package io.rotation.catalog.discogs;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
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
 * Writes Discogs releases (a dump import's batch, or one release fetched from the API) in one
 * transaction with set-based statements: records upserted by discogs_release_id with their source,
 * their tracks upserted by (record_id, track_index) so that track ids stay stable, sub-tracks linked
 * to their index track, tracks beyond a shrunk tracklist deleted, and one RecordUpserted per record
 * and TrackUpserted per track appended to the outbox in the same transaction. The statements and
 * their parameters are also used over plain JDBC by the ops import command.
 */
@ApplicationScoped
public class ReleaseWriter {

    /** Where the releases come from: the records.source column. */
    public enum Source {
        DISCOGS_DUMP("discogs_dump"), DISCOGS_API("discogs_api");

        public final String column;

        Source(String column) {
            this.column = column;
        }
    }

    /**
     * $1 is the source, $2..$26 arrays (one element per release); each parameter appears once, in
     * order, for the JDBC import command. The API does not say whether a release is its master's main
     * release: an API write keeps what a dump import stored.
     */
    public static final String UPSERT_RECORDS = """
            insert into records (discogs_release_id, master_id, is_main_release, artist, artist_sort, artists, title,
                                 labels, formats, genres, styles, release_year, released, country, notes,
                                 data_quality, discogs_status, images, thumb_url, videos, extra_artists, companies,
                                 series, identifiers, tracklist_count, source, last_synced_at)
            select t.rid, t.mid, t.main, t.artist, t.artist_sort, t.artists::jsonb, t.title, t.labels::jsonb,
                   t.formats::jsonb, array(select jsonb_array_elements_text(t.genres::jsonb)),
                   array(select jsonb_array_elements_text(t.styles::jsonb)), t.yr::smallint, t.released, t.country,
                   t.notes, t.dq, t.st, t.images::jsonb, t.thumb, t.videos::jsonb, t.extra::jsonb,
                   t.companies::jsonb, t.series::jsonb, t.idents::jsonb, t.tc, $1::varchar, now()
            from unnest($2::bigint[], $3::bigint[], $4::bool[], $5::text[], $6::text[], $7::text[], $8::text[],
                        $9::text[], $10::text[], $11::text[], $12::text[], $13::int[], $14::text[], $15::text[],
                        $16::text[], $17::text[], $18::text[], $19::text[], $20::text[], $21::text[], $22::text[],
                        $23::text[], $24::text[], $25::text[], $26::int[])
                 as t(rid, mid, main, artist, artist_sort, artists, title, labels, formats, genres, styles, yr,
                      released, country, notes, dq, st, images, thumb, videos, extra, companies, series, idents, tc)
            on conflict (discogs_release_id) do update set
                master_id = excluded.master_id,
                is_main_release = case when excluded.source = 'discogs_api' then records.is_main_release
                                       else excluded.is_main_release end,
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

    public static final String UPSERT_TRACKS = """
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

    public static final String LINK_SUB_TRACKS = """
            update tracks c set parent_track_id = p.id
            from unnest($1::bigint[], $2::int[], $3::int[]) as t(rec, idx, pidx)
            join tracks p on p.record_id = t.rec and p.track_index = t.pidx
            where c.record_id = t.rec and c.track_index = t.idx""";

    public static final String DELETE_LEFTOVER_TRACKS = """
            delete from tracks t using unnest($1::bigint[], $2::int[]) as n(rec, cnt)
            where t.record_id = n.rec and t.track_index >= n.cnt""";

    /** What one batch wrote; {@code recordIds} are the ids of the records upserted (for cache eviction). */
    public record BatchResult(int inserted, int updated, int tracks, List<Long> recordIds) {
    }

    private final Pool pool;
    private final Outbox outbox;

    public ReleaseWriter(Pool pool, Outbox outbox) {
        this.pool = pool;
        this.outbox = outbox;
    }

    /** Writes the releases (distinct discogs ids) in one transaction. */
    public Uni<BatchResult> write(List<? extends DiscogsRelease> releases, Source source) {
        if (releases.isEmpty()) {
            return Uni.createFrom().item(new BatchResult(0, 0, 0, List.of()));
        }
        return pool.withTransaction(connection -> write(connection, releases, source));
    }

    /** Writes one release in its own transaction; the record's id. */
    public Uni<Long> write(DiscogsRelease release, Source source) {
        return write(List.of(release), source).map(result -> result.recordIds().get(0));
    }

    private Uni<BatchResult> write(SqlConnection connection, List<? extends DiscogsRelease> releases,
                                   Source source) {
        return connection.preparedQuery(UPSERT_RECORDS).execute(Tuple.tuple(recordParams(releases, source)))
                .flatMap(rows -> {
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
    public static List<OutboundEvent> events(List<? extends DiscogsRelease> releases, Map<Long, Long> recordIds,
                                             Map<String, Long> trackIds) {
        Instant now = Instant.now();
        List<OutboundEvent> events = new ArrayList<>();
        for (DiscogsRelease r : releases) {
            long recordId = recordIds.get(r.discogsReleaseId());
            List<Long> ids = new ArrayList<>(r.tracks().size());
            for (DiscogsRelease.Track t : r.tracks()) {
                long trackId = trackIds.get(trackKey(recordId, t.trackIndex()));
                ids.add(trackId);
                events.add(OutboundEvent.of(EventType.TRACK_UPSERTED, recordId, new TrackUpserted(trackId,
                        recordId, r.discogsReleaseId(), t.position(), t.trackIndex(), t.title(), t.artist(),
                        t.durationSeconds(), now, DiscogsText.artistNames(t.artists()), t.heading())));
            }
            events.add(OutboundEvent.of(EventType.RECORD_UPSERTED, recordId, new RecordUpserted(recordId,
                    r.discogsReleaseId(), r.artist(), r.title(), r.releaseYear(), r.genres(), r.styles(), ids, now,
                    DiscogsText.artistNames(r.artists()), DiscogsText.videos(r.videos()),
                    DiscogsText.labelNames(r.labels()))));
        }
        return events;
    }

    /** The key of {@code trackIds} in {@link #events}. */
    public static String trackKey(long recordId, int trackIndex) {
        return recordId + ":" + trackIndex;
    }

    /** @return track ids by {@link #trackKey} */
    private Uni<Map<String, Long>> writeTracks(SqlConnection connection, List<? extends DiscogsRelease> releases,
                                               Map<Long, Long> recordIds) {
        TrackArrays arrays = TrackArrays.of(releases, recordIds);
        int n = ((Object[]) arrays.tracks().get(0)).length;
        Uni<Map<String, Long>> upsert = n == 0 ? Uni.createFrom().item(new HashMap<>())
                : connection.preparedQuery(UPSERT_TRACKS)
                        .execute(Tuple.tuple(arrays.tracks()))
                        .map(rows -> {
                            Map<String, Long> ids = new HashMap<>();
                            for (Row row : rows) {
                                ids.put(trackKey(row.getLong("record_id"), row.getInteger("track_index")),
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
    public record TrackArrays(List<Object> tracks, List<Object> subTracks, List<Object> counts) {

        public static TrackArrays of(List<? extends DiscogsRelease> releases, Map<Long, Long> recordIds) {
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
            for (DiscogsRelease r : releases) {
                long recordId = recordIds.get(r.discogsReleaseId());
                countRec[k] = recordId;
                counts[k++] = r.tracks().size();
                for (DiscogsRelease.Track t : r.tracks()) {
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

    /** The parameters of UPSERT_RECORDS, in order: the source's column value, then 25 arrays. */
    public static List<Object> recordParams(List<? extends DiscogsRelease> releases, Source source) {
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
            DiscogsRelease r = releases.get(i);
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
        return List.of(source.column, rid, mid, main, artist, artistSort, artists, title, labels, formats, genres,
                styles, year, released, country, notes, dq, status, images, thumb, videos, extra, companies, series,
                identifiers, trackCount);
    }

    private static String jsonStrings(List<String> values) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        values.forEach(array::add);
        return array.toString();
    }
}
