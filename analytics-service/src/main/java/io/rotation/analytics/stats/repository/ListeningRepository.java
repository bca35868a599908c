package io.rotation.analytics.stats.repository;

import io.quarkus.reactive.datasource.ReactiveDataSource;
import io.rotation.analytics.ReadReplica;
import io.rotation.analytics.stats.service.UserStats;
import io.rotation.analytics.usage.model.DailyMetric;
import io.rotation.analytics.usage.model.RecommendationData;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A listener's numbers for /stats/me, read on the read replica: usage per day (daily_metrics), top tracks
 * (recommendation_data), and plays of the last days (listening_hourly and usage_metrics), joined with
 * analytics' own catalog projection (catalog_records) for artists and genres: top records, artists and
 * genres, and plays by hour of day (UTC).
 * Plays whose record the projection does not know count for records, not for artists or genres.
 */
@ApplicationScoped
public class ListeningRepository {

    /**
     * The listener's plays of the window as (record, plays, ms, at): whole UTC hours from listening_hourly
     * (summed as the plays were counted), the window's first, partial hour play by play from usage_metrics,
     * so the window starts exactly {@code $2} days ago however many plays it holds.
     */
    private static final String PLAYS = """
            with edge as (
                select now() - make_interval(days => $2::int) as since,
                       date_trunc('hour', now() - make_interval(days => $2::int), 'UTC') + interval '1 hour' as whole
            ),
            plays as (
                select h.record_id, h.plays, h.listening_ms as ms, h.hour_start as at
                from listening_hourly h, edge
                where h.user_id = $1 and h.hour_start >= edge.whole
                union all
                select (m.metadata->>'record_id')::bigint, 1, coalesce(m.duration_ms, 0), m.occurred_at
                from usage_metrics m, edge
                where m.user_id = $1 and m.event_type = 'play'
                  and m.occurred_at >= edge.since and m.occurred_at < edge.whole
            )
            """;

    private static final String TOP_RECORDS = PLAYS + """
            select p.record_id, c.artist, c.title, sum(p.plays) as plays, sum(p.ms) as listening_ms
            from plays p left join catalog_records c on c.record_id = p.record_id
            where p.record_id is not null
            group by p.record_id, c.artist, c.title
            order by plays desc, listening_ms desc, p.record_id
            limit $3::int""";

    private static final String TOP_ARTISTS = PLAYS + """
            select c.artist as name, sum(p.plays) as plays, sum(p.ms) as listening_ms
            from plays p join catalog_records c on c.record_id = p.record_id
            where c.artist is not null and c.artist <> ''
            group by c.artist
            order by plays desc, listening_ms desc, c.artist
            limit $3::int""";

    private static final String TOP_GENRES = PLAYS + """
            select g.genre as name, sum(p.plays) as plays, sum(p.ms) as listening_ms
            from plays p join catalog_records c on c.record_id = p.record_id
                 cross join lateral unnest(c.genres) as g(genre)
            group by g.genre
            order by plays desc, listening_ms desc, g.genre
            limit $3::int""";

    private static final String BY_HOUR = PLAYS + """
            select h.hour, coalesce(sum(p.plays), 0) as plays, coalesce(sum(p.ms), 0) as listening_ms
            from generate_series(0, 23) as h(hour)
                 left join plays p on extract(hour from p.at at time zone 'UTC') = h.hour
            group by h.hour
            order by h.hour""";

    private static final String DAYS = """
            select metric_date, metric_name, value from daily_metrics
            where metric_type = $1 and entity_type = $2 and entity_id = $3
            order by metric_date desc""";

    private static final String TOP_TRACKS = """
            select entity_id, play_count, total_listening_ms, affinity_score from recommendation_data
            where user_id = $1 and entity_type = $2
            order by play_count desc, affinity_score desc, entity_id
            limit $3::int""";

    private final Pool pool;

    /** Reads only: on the read replica (the primary where there is none). */
    public ListeningRepository(@ReactiveDataSource(ReadReplica.DATASOURCE) Pool pool) {
        this.pool = pool;
    }

    /** One named daily value of the listener (plays, listening_ms, …), newest day first. */
    public record DayValue(LocalDate date, String metricName, long value) {
    }

    /** The listener's usage values per day from daily_metrics, newest day first. */
    public Uni<List<DayValue>> days(long userId) {
        return pool.preparedQuery(DAYS).execute(Tuple.of(DailyMetric.TYPE_USAGE, DailyMetric.ENTITY_USER, userId))
                .map(rows -> {
                    List<DayValue> days = new ArrayList<>();
                    rows.forEach(row -> days.add(new DayValue(row.getLocalDate("metric_date"),
                            row.getString("metric_name"), row.getBigDecimal("value").longValue())));
                    return days;
                });
    }

    /** The listener's most played tracks from recommendation_data. */
    public Uni<List<UserStats.TopTrack>> topTracks(long userId, int top) {
        return pool.preparedQuery(TOP_TRACKS).execute(Tuple.of(userId, RecommendationData.TRACK, top))
                .map(rows -> {
                    List<UserStats.TopTrack> tracks = new ArrayList<>();
                    rows.forEach(row -> tracks.add(new UserStats.TopTrack(row.getLong("entity_id"),
                            row.getInteger("play_count"), row.getLong("total_listening_ms"),
                            row.getBigDecimal("affinity_score").doubleValue())));
                    return tracks;
                });
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
