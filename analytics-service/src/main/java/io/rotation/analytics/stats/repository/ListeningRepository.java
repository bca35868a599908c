package io.rotation.analytics.stats.repository;

import io.rotation.analytics.stats.service.UserStats;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * A listener's plays of the last days in usage_metrics, joined with analytics' own catalog projection
 * (catalog_records) for artists and genres: top records, artists and genres, and plays by hour of day (UTC).
 * Plays whose record the projection does not know count for records, not for artists or genres.
 */
@ApplicationScoped
public class ListeningRepository {

    private static final String PLAYS = """
            with plays as (
                select (m.metadata->>'record_id')::bigint as record_id, coalesce(m.duration_ms, 0) as ms,
                       m.occurred_at
                from usage_metrics m
                where m.user_id = $1 and m.event_type = 'play'
                  and m.occurred_at >= now() - make_interval(days => $2::int)
            )
            """;

    private static final String TOP_RECORDS = PLAYS + """
            select p.record_id, c.artist, c.title, count(*) as plays, sum(p.ms) as listening_ms
            from plays p left join catalog_records c on c.record_id = p.record_id
            where p.record_id is not null
            group by p.record_id, c.artist, c.title
            order by plays desc, listening_ms desc, p.record_id
            limit $3::int""";

    private static final String TOP_ARTISTS = PLAYS + """
            select c.artist as name, count(*) as plays, sum(p.ms) as listening_ms
            from plays p join catalog_records c on c.record_id = p.record_id
            where c.artist is not null and c.artist <> ''
            group by c.artist
            order by plays desc, listening_ms desc, c.artist
            limit $3::int""";

    private static final String TOP_GENRES = PLAYS + """
            select g.genre as name, count(*) as plays, sum(p.ms) as listening_ms
            from plays p join catalog_records c on c.record_id = p.record_id
                 cross join lateral unnest(c.genres) as g(genre)
            group by g.genre
            order by plays desc, listening_ms desc, g.genre
            limit $3::int""";

    private static final String BY_HOUR = PLAYS + """
            select h.hour, count(p.occurred_at) as plays, coalesce(sum(p.ms), 0) as listening_ms
            from generate_series(0, 23) as h(hour)
                 left join plays p on extract(hour from p.occurred_at at time zone 'UTC') = h.hour
            group by h.hour
            order by h.hour""";

    private final Pool pool;

    public ListeningRepository(Pool pool) {
        this.pool = pool;
    }

    /** What a listener played in the last {@code days} days, {@code top} of each kind. */
    public Uni<Listening> of(long userId, int days, int top) {
        Tuple params = Tuple.of(userId, days, top);
        return pool.withConnection(c -> c.preparedQuery(TOP_RECORDS).execute(params)
                .chain(records -> c.preparedQuery(TOP_ARTISTS).execute(params)
                        .chain(artists -> c.preparedQuery(TOP_GENRES).execute(params)
                                .chain(genres -> c.preparedQuery(BY_HOUR).execute(Tuple.of(userId, days))
                                        .map(hours -> {
                                            List<UserStats.TopRecord> r = new ArrayList<>();
                                            records.forEach(row -> r.add(new UserStats.TopRecord(
                                                    row.getLong("record_id"), row.getString("artist"),
                                                    row.getString("title"), row.getLong("plays"),
                                                    row.getLong("listening_ms"))));
                                            List<UserStats.Hour> h = new ArrayList<>();
                                            hours.forEach(row -> h.add(new UserStats.Hour(row.getInteger("hour"),
                                                    row.getLong("plays"), row.getLong("listening_ms"))));
                                            return new Listening(r, named(artists), named(genres), h);
                                        })))));
    }

    private static List<UserStats.Named> named(Iterable<Row> rows) {
        List<UserStats.Named> named = new ArrayList<>();
        rows.forEach(row -> named.add(new UserStats.Named(row.getString("name"), row.getLong("plays"),
                row.getLong("listening_ms"))));
        return named;
    }

    /** The four lists of /stats/me that come from plays and the catalog projection. */
    public record Listening(List<UserStats.TopRecord> topRecords, List<UserStats.Named> topArtists,
                            List<UserStats.Named> topGenres, List<UserStats.Hour> byHour) {
    }
}
