package io.rotation.analytics.usage.repository;

import io.rotation.analytics.usage.model.AnnouncedPlay;
import io.rotation.analytics.usage.model.DailyMetric;
import io.rotation.analytics.usage.model.PlayAggregates;
import io.rotation.analytics.usage.model.PlayAggregates.Affinity;
import io.rotation.analytics.usage.model.PlayAggregates.AffinityKey;
import io.rotation.analytics.usage.model.PlayAggregates.DayKey;
import io.rotation.analytics.usage.model.PlayAggregates.HourKey;
import io.rotation.contracts.userfeatures.PlayRecorded;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Set-based writes of usage_metrics (plays and other interactions), daily_metrics, recommendation_data and
 * listening_hourly, on the consumer's transaction.
 */
@ApplicationScoped
public class UsageRepository {

    // the metadata object is built here, not sent as JSON text: Postgres builds jsonb from the columns for less
    // than it takes to parse text, and the consumer saves serialising a map per play
    private static final String INSERT_PLAYS = """
            insert into usage_metrics (event_id, user_id, event_type, entity_type, entity_id, duration_ms,
                                       session_id, device, metadata, occurred_at)
            select e, u, 'play', 'track', t, d, s, dv,
                   jsonb_build_object('play_id', p, 'record_id', r, 'completion_percentage', c, 'action', a), o
            from unnest($1::uuid[], $2::bigint[], $3::bigint[], $4::bigint[], $5::text[], $6::text[],
                        $7::bigint[], $8::bigint[], $9::numeric[], $10::text[], $11::timestamptz[])
                 as x(e, u, t, d, s, dv, p, r, c, a, o)
            on conflict (event_id, occurred_at) do nothing
            returning event_id""";

    private static final String INSERT_INTERACTIONS = """
            insert into usage_metrics (event_id, user_id, event_type, entity_type, entity_id, metadata, occurred_at)
            select e, u, t, et, eid, m::jsonb, o
            from unnest($1::uuid[], $2::bigint[], $3::text[], $4::text[], $5::bigint[], $6::text[],
                        $7::timestamptz[]) as x(e, u, t, et, eid, m, o)
            on conflict (event_id, occurred_at) do nothing
            returning event_id""";

    private static final String ADD_DAILY = """
            insert into daily_metrics (metric_date, metric_type, entity_type, entity_id, metric_name, value)
            select d, $1, et, eid, n, v
            from unnest($2::date[], $3::text[], $4::bigint[], $5::text[], $6::bigint[]) as x(d, et, eid, n, v)
            on conflict (metric_date, metric_type, entity_type, entity_id, metric_name)
            do update set value = daily_metrics.value + excluded.value, updated_at = now()""";

    private static final String ADD_AFFINITY = """
            insert into recommendation_data (user_id, entity_type, entity_id, affinity_score, play_count,
                                             total_listening_ms, confidence, last_interaction_at, expires_at)
            select u, et, eid, s, c, ms, round(1 - exp(-c / 5.0), 4), at, at + interval '180 days'
            from unnest($1::bigint[], $2::text[], $3::bigint[], $4::float8[], $5::int[], $6::bigint[],
                        $7::timestamptz[]) as x(u, et, eid, s, c, ms, at)
            on conflict (user_id, entity_type, entity_id) do update set
                affinity_score = recommendation_data.affinity_score + excluded.affinity_score,
                play_count = recommendation_data.play_count + excluded.play_count,
                total_listening_ms = recommendation_data.total_listening_ms + excluded.total_listening_ms,
                confidence = round(1 - exp(-(recommendation_data.play_count + excluded.play_count) / 5.0), 4),
                last_interaction_at = greatest(recommendation_data.last_interaction_at, excluded.last_interaction_at),
                expires_at = greatest(recommendation_data.last_interaction_at, excluded.last_interaction_at)
                             + interval '180 days',
                updated_at = now()""";

    private static final String ADD_HOURLY = """
            insert into listening_hourly (user_id, hour_start, record_id, plays, listening_ms)
            select u, h, r, p, ms
            from unnest($1::bigint[], $2::timestamptz[], $3::bigint[], $4::bigint[], $5::bigint[]) as x(u, h, r, p, ms)
            on conflict (user_id, hour_start, record_id) do update set
                plays = listening_hourly.plays + excluded.plays,
                listening_ms = listening_hourly.listening_ms + excluded.listening_ms""";

    /** The lock an insert takes anyway, taken up front to order this transaction with erasures. */
    public Uni<Void> lockForWriting(SqlConnection connection) {
        return connection.query("lock table usage_metrics in row exclusive mode").execute().replaceWithVoid();
    }

    /**
     * Inserts the plays not stored before, each a usage row of event type play on its track, its metadata the
     * play's id, record, completion and action; @return the event ids of the rows this insert wrote
     */
    public Uni<Set<UUID>> insertPlays(SqlConnection connection, List<AnnouncedPlay> plays) {
        int n = plays.size();
        UUID[] ids = new UUID[n];
        Long[] users = new Long[n];
        Long[] tracks = new Long[n];
        Long[] durations = new Long[n];
        String[] sessions = new String[n];
        String[] devices = new String[n];
        Long[] playIds = new Long[n];
        Long[] records = new Long[n];
        BigDecimal[] completions = new BigDecimal[n];
        String[] actions = new String[n];
        OffsetDateTime[] times = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            PlayRecorded p = plays.get(i).play();
            ids[i] = plays.get(i).usageEventId();
            users[i] = p.userId();
            tracks[i] = p.trackId();
            durations[i] = p.durationPlayedMs() == null ? null : p.durationPlayedMs().longValue();
            sessions[i] = p.sessionId();
            devices[i] = p.device();
            playIds[i] = p.playId();
            records[i] = p.recordId();
            completions[i] = p.completionPercentage();
            actions[i] = p.action();
            times[i] = p.playedAt().atOffset(ZoneOffset.UTC);
        }
        return connection.preparedQuery(INSERT_PLAYS)
                .execute(Tuple.tuple(List.of(ids, users, tracks, durations, sessions, devices, playIds, records,
                        completions, actions, times)))
                .map(written -> {
                    Set<UUID> stored = new HashSet<>();
                    written.forEach(row -> stored.add(row.getUUID(0)));
                    return stored;
                });
    }

    public Uni<Void> addDaily(SqlConnection connection, Map<DayKey, long[]> daily) {
        List<DailyCount> counts = new ArrayList<>(daily.size() * 2);
        for (Map.Entry<DayKey, long[]> e : daily.entrySet()) {
            DayKey k = e.getKey();
            counts.add(new DailyCount(k.day(), k.entityType(), k.entityId(), DailyMetric.PLAYS, e.getValue()[0]));
            counts.add(new DailyCount(k.day(), k.entityType(), k.entityId(), DailyMetric.LISTENING_MS,
                    e.getValue()[1]));
        }
        return addDaily(connection, DailyMetric.TYPE_USAGE, counts);
    }

    /** A value to add to a daily_metrics row of some metric type. */
    public record DailyCount(LocalDate day, String entityType, long entityId, String metricName, long value) {
    }

    /** Adds the values to their daily_metrics rows (created at the value when missing). */
    public Uni<Void> addDaily(SqlConnection connection, String metricType, List<DailyCount> counts) {
        if (counts.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = counts.size();
        LocalDate[] days = new LocalDate[n];
        String[] entityTypes = new String[n];
        Long[] entityIds = new Long[n];
        String[] names = new String[n];
        Long[] values = new Long[n];
        for (int i = 0; i < n; i++) {
            DailyCount c = counts.get(i);
            days[i] = c.day();
            entityTypes[i] = c.entityType();
            entityIds[i] = c.entityId();
            names[i] = c.metricName();
            values[i] = c.value();
        }
        return connection.preparedQuery(ADD_DAILY)
                .execute(Tuple.tuple(List.of(metricType, days, entityTypes, entityIds, names, values)))
                .replaceWithVoid();
    }

    /** One interaction row to insert (usage_metrics without duration, session or device). */
    public record InteractionRow(UUID eventId, Long userId, String eventType, String entityType, Long entityId,
                                 String metadataJson, OffsetDateTime occurredAt) {
    }

    /** Inserts the interactions not stored before; @return the event ids of the rows this insert wrote */
    public Uni<Set<UUID>> insertInteractions(SqlConnection connection, List<InteractionRow> rows) {
        int n = rows.size();
        UUID[] ids = new UUID[n];
        Long[] users = new Long[n];
        String[] types = new String[n];
        String[] entityTypes = new String[n];
        Long[] entityIds = new Long[n];
        String[] metadata = new String[n];
        OffsetDateTime[] times = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            InteractionRow r = rows.get(i);
            ids[i] = r.eventId();
            users[i] = r.userId();
            types[i] = r.eventType();
            entityTypes[i] = r.entityType();
            entityIds[i] = r.entityId();
            metadata[i] = r.metadataJson();
            times[i] = r.occurredAt();
        }
        return connection.preparedQuery(INSERT_INTERACTIONS)
                .execute(Tuple.tuple(List.of(ids, users, types, entityTypes, entityIds, metadata, times)))
                .map(written -> {
                    Set<UUID> stored = new HashSet<>();
                    written.forEach(row -> stored.add(row.getUUID(0)));
                    return stored;
                });
    }

    public Uni<Void> addAffinity(SqlConnection connection, Map<AffinityKey, Affinity> affinity) {
        int n = affinity.size();
        Long[] users = new Long[n];
        String[] entityTypes = new String[n];
        Long[] entityIds = new Long[n];
        Double[] scores = new Double[n];
        Integer[] plays = new Integer[n];
        Long[] listening = new Long[n];
        OffsetDateTime[] last = new OffsetDateTime[n];
        int i = 0;
        for (Map.Entry<AffinityKey, Affinity> e : affinity.entrySet()) {
            users[i] = e.getKey().userId();
            entityTypes[i] = e.getKey().entityType();
            entityIds[i] = e.getKey().entityId();
            scores[i] = e.getValue().score();
            plays[i] = e.getValue().plays();
            listening[i] = e.getValue().listeningMs();
            last[i] = e.getValue().lastPlayedAt().atOffset(ZoneOffset.UTC);
            i++;
        }
        return connection.preparedQuery(ADD_AFFINITY)
                .execute(Tuple.tuple(List.of(users, entityTypes, entityIds, scores, plays, listening, last)))
                .replaceWithVoid();
    }

    /** Adds the listeners' plays per hour and record to listening_hourly. */
    public Uni<Void> addHourly(SqlConnection connection, Map<HourKey, long[]> hourly) {
        int n = hourly.size();
        Long[] users = new Long[n];
        OffsetDateTime[] hours = new OffsetDateTime[n];
        Long[] records = new Long[n];
        Long[] plays = new Long[n];
        Long[] listening = new Long[n];
        int i = 0;
        for (Map.Entry<HourKey, long[]> e : hourly.entrySet()) {
            users[i] = e.getKey().userId();
            hours[i] = e.getKey().hourStart().atOffset(ZoneOffset.UTC);
            records[i] = e.getKey().recordId();
            plays[i] = e.getValue()[0];
            listening[i] = e.getValue()[1];
            i++;
        }
        return connection.preparedQuery(ADD_HOURLY)
                .execute(Tuple.tuple(List.of(users, hours, records, plays, listening)))
                .replaceWithVoid();
    }

    /** Adds a batch's sums to daily_metrics, recommendation_data and listening_hourly. */
    public Uni<Void> addAggregates(SqlConnection connection, PlayAggregates aggregates) {
        if (aggregates.daily().isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return addDaily(connection, aggregates.daily())
                .chain(() -> addAffinity(connection, aggregates.affinity()))
                .chain(() -> addHourly(connection, aggregates.hourly()));
    }
}
