package io.rotation.userfeatures.projection.repository;

import io.rotation.contracts.catalog.RecordUpserted;
import io.rotation.contracts.catalog.TrackUpserted;
import io.rotation.contracts.identity.StoreChanged;
import io.rotation.contracts.identity.UserRegistered;
import io.rotation.contracts.matching.MatchCreated;
import io.rotation.contracts.matching.MatchStatusChanged;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes the projections, set-based per batch (a catalog import sends hundreds of thousands of
 * events). Each upsert keeps the newest state: an event older than the row (a replay, a late
 * delivery) changes nothing. Callers pass at most one event per id per statement.
 */
@ApplicationScoped
public class ProjectionRepository {

    private static final String UPSERT_RECORDS = """
            insert into catalog_records (record_id, artist, title, release_year, upserted_at)
            select * from unnest($1::bigint[], $2::text[], $3::text[], $4::int[], $5::timestamptz[])
            on conflict (record_id) do update set artist = excluded.artist, title = excluded.title,
                release_year = excluded.release_year, upserted_at = excluded.upserted_at
            where catalog_records.upserted_at <= excluded.upserted_at""";

    /** Tracks a record no longer lists become unavailable; listed ones available again. */
    private static final String MARK_LISTED_TRACKS = """
            update catalog_tracks t set available = t.track_id = any(string_to_array(r.ids, ',')::bigint[])
            from unnest($1::bigint[], $2::text[], $3::timestamptz[]) as r(record_id, ids, upserted_at)
            where t.record_id = r.record_id and t.upserted_at <= r.upserted_at
              and t.available is distinct from (t.track_id = any(string_to_array(r.ids, ',')::bigint[]))""";

    private static final String UPSERT_TRACKS = """
            insert into catalog_tracks (track_id, record_id, title, artist, duration_seconds, available, upserted_at)
            select t.track_id, t.record_id, t.title, t.artist, t.duration_seconds, true, t.upserted_at
            from unnest($1::bigint[], $2::bigint[], $3::text[], $4::text[], $5::int[], $6::timestamptz[])
                 as t(track_id, record_id, title, artist, duration_seconds, upserted_at)
            on conflict (track_id) do update set record_id = excluded.record_id, title = excluded.title,
                artist = excluded.artist, duration_seconds = excluded.duration_seconds, available = true,
                upserted_at = excluded.upserted_at
            where catalog_tracks.upserted_at <= excluded.upserted_at""";

    private static final String UPSERT_STORE = """
            insert into known_stores (store_id, name, slug, status, changed_at) values ($1, $2, $3, $4, $5)
            on conflict (store_id) do update set name = excluded.name, slug = excluded.slug,
                status = excluded.status, changed_at = excluded.changed_at
            where known_stores.changed_at <= excluded.changed_at""";

    private static final String INSERT_USER = """
            insert into known_users (user_id, username, registered_at) values ($1, $2, $3)
            on conflict (user_id) do nothing""";

    private static final String UPSERT_MATCH = """
            insert into known_audio_matches (match_id, track_id, platform, status, is_primary, changed_at)
            values ($1, $2, $3, $4, $5, $6)
            on conflict (match_id) do update set track_id = excluded.track_id,
                platform = coalesce(excluded.platform, known_audio_matches.platform), status = excluded.status,
                is_primary = excluded.is_primary, changed_at = excluded.changed_at
            where known_audio_matches.changed_at <= excluded.changed_at""";

    public Uni<Void> upsertRecords(SqlConnection connection, List<RecordUpserted> records) {
        if (records.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = records.size();
        Long[] ids = new Long[n];
        String[] artists = new String[n];
        String[] titles = new String[n];
        Integer[] years = new Integer[n];
        String[] trackIds = new String[n];
        OffsetDateTime[] at = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            RecordUpserted r = records.get(i);
            ids[i] = r.recordId();
            artists[i] = r.artist();
            titles[i] = r.title();
            years[i] = r.releaseYear();
            trackIds[i] = r.trackIds() == null ? ""
                    : r.trackIds().stream().map(String::valueOf).collect(Collectors.joining(","));
            at[i] = utc(r.upsertedAt());
        }
        return connection.preparedQuery(UPSERT_RECORDS).execute(Tuple.tuple(List.of(ids, artists, titles, years, at)))
                .chain(() -> connection.preparedQuery(MARK_LISTED_TRACKS).execute(Tuple.of(ids, trackIds, at)))
                .replaceWithVoid();
    }

    public Uni<Void> upsertTracks(SqlConnection connection, List<TrackUpserted> tracks) {
        if (tracks.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = tracks.size();
        Long[] ids = new Long[n];
        Long[] records = new Long[n];
        String[] titles = new String[n];
        String[] artists = new String[n];
        Integer[] durations = new Integer[n];
        OffsetDateTime[] at = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            TrackUpserted t = tracks.get(i);
            ids[i] = t.trackId();
            records[i] = t.recordId();
            titles[i] = t.title();
            artists[i] = t.artist();
            durations[i] = t.durationSeconds();
            at[i] = utc(t.upsertedAt());
        }
        return connection.preparedQuery(UPSERT_TRACKS)
                .execute(Tuple.tuple(List.of(ids, records, titles, artists, durations, at))).replaceWithVoid();
    }

    public Uni<Void> upsertStore(SqlConnection connection, StoreChanged store) {
        return connection.preparedQuery(UPSERT_STORE).execute(Tuple.of(store.storeId(), store.name(), store.slug(),
                store.status(), utc(store.changedAt()))).replaceWithVoid();
    }

    public Uni<Void> insertUser(SqlConnection connection, UserRegistered user) {
        return connection.preparedQuery(INSERT_USER).execute(Tuple.of(user.userId(), user.username(),
                utc(user.registeredAt()))).replaceWithVoid();
    }

    public Uni<Integer> deleteUser(SqlConnection connection, long userId) {
        return connection.preparedQuery("delete from known_users where user_id = $1").execute(Tuple.of(userId))
                .map(rows -> rows.rowCount());
    }

    public Uni<Void> upsertMatch(SqlConnection connection, MatchCreated match) {
        return connection.preparedQuery(UPSERT_MATCH).execute(Tuple.of(match.matchId(), match.trackId(),
                match.platform(), match.status(), match.primary(), utc(match.createdAt()))).replaceWithVoid();
    }

    public Uni<Void> changeMatch(SqlConnection connection, MatchStatusChanged change) {
        return connection.preparedQuery(UPSERT_MATCH).execute(Tuple.of(change.matchId(), change.trackId(),
                change.platform(), change.newStatus(), change.primary(), utc(change.changedAt()))).replaceWithVoid();
    }

    private static OffsetDateTime utc(Instant at) {
        return (at == null ? Instant.now() : at).atOffset(ZoneOffset.UTC);
    }
}
