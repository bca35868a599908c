package io.rotation.userfeatures.play.repository;

import io.rotation.userfeatures.play.model.Play;
import io.rotation.userfeatures.play.model.PlayAction;
import io.rotation.userfeatures.play.model.PlayFilter;
import io.rotation.userfeatures.play.model.PlayHistory;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * play_history. Inserts are set-based on the caller's transaction (so the plays' events can
 * commit with them); reads go through Hibernate Reactive.
 */
@ApplicationScoped
public class PlayRepository {

    /** One statement for 1 or 1,000 plays; a play already stored (a retry) is skipped, not returned. */
    private static final String INSERT = """
            insert into play_history (user_id, track_id, record_id, played_at, duration_played_ms,
                                      completion_percentage, action, session_id, device)
            select $1, t.* from unnest($2::bigint[], $3::bigint[], $4::timestamptz[], $5::int[],
                                       $6::text[]::numeric[], $7::text[]::play_action[], $8::text[], $9::text[]) as t
            on conflict (user_id, track_id, played_at) do nothing
            returning id, track_id, record_id, played_at, duration_played_ms, completion_percentage,
                      action::text, session_id, device""";

    private final Mutiny.SessionFactory sessions;

    public PlayRepository(Mutiny.SessionFactory sessions) {
        this.sessions = sessions;
    }

    /** A play to insert, with its defaults applied. */
    public record PlayRow(long trackId, Long recordId, Instant playedAt, Integer durationPlayedMs,
                          BigDecimal completionPercentage, PlayAction action, String sessionId, String device) {
    }

    /** @return the plays that were new, as stored */
    public Uni<List<Play>> insertNew(SqlConnection connection, long userId, List<PlayRow> plays) {
        int n = plays.size();
        Long[] tracks = new Long[n];
        Long[] records = new Long[n];
        OffsetDateTime[] playedAt = new OffsetDateTime[n];
        Integer[] durations = new Integer[n];
        String[] completions = new String[n];
        String[] actions = new String[n];
        String[] sessionIds = new String[n];
        String[] devices = new String[n];
        for (int i = 0; i < n; i++) {
            PlayRow p = plays.get(i);
            tracks[i] = p.trackId();
            records[i] = p.recordId();
            playedAt[i] = p.playedAt().atOffset(ZoneOffset.UTC);
            durations[i] = p.durationPlayedMs();
            completions[i] = p.completionPercentage() == null ? null : p.completionPercentage().toPlainString();
            actions[i] = p.action().name();
            sessionIds[i] = p.sessionId();
            devices[i] = p.device();
        }
        Tuple params = Tuple.tuple(List.of(userId, tracks, records, playedAt, durations, completions, actions,
                sessionIds, devices));
        return connection.preparedQuery(INSERT).execute(params).map(rows -> {
            List<Play> stored = new ArrayList<>(rows.size());
            for (Row row : rows) {
                stored.add(new Play(row.getLong("id"), userId, row.getLong("track_id"), row.getLong("record_id"),
                        row.getOffsetDateTime("played_at").toInstant(), row.getInteger("duration_played_ms"),
                        row.getBigDecimal("completion_percentage"), PlayAction.valueOf(row.getString("action")),
                        row.getString("session_id"), row.getString("device")));
            }
            return stored;
        });
    }

    public Uni<Play> find(long userId, long trackId, Instant playedAt) {
        return sessions.withSession(s -> s.createSelectionQuery(
                        "from PlayHistory where userId = :user and trackId = :track and playedAt = :at", PlayHistory.class)
                .setParameter("user", userId).setParameter("track", trackId).setParameter("at", playedAt)
                .getSingleResultOrNull()).map(row -> row == null ? null : Play.of(row));
    }

    /** The user's plays that pass the filter, newest first, after the (played_at, id) position of a cursor. */
    public Uni<List<Play>> listNewestFirst(long userId, PlayFilter filter, Instant beforeAt, Long beforeId, int limit) {
        String where = (beforeAt == null ? "" : " and (playedAt < :at or (playedAt = :at and id < :id))")
                + (filter.from() == null ? "" : " and playedAt >= :from")
                + (filter.to() == null ? "" : " and playedAt < :to")
                + (filter.trackId() == null ? "" : " and trackId = :track");
        return sessions.withSession(s -> {
            var query = s.createSelectionQuery("from PlayHistory where userId = :user" + where
                    + " order by playedAt desc, id desc", PlayHistory.class)
                    .setParameter("user", userId).setMaxResults(limit);
            if (beforeAt != null) {
                query.setParameter("at", beforeAt).setParameter("id", beforeId);
            }
            if (filter.from() != null) {
                query.setParameter("from", filter.from());
            }
            if (filter.to() != null) {
                query.setParameter("to", filter.to());
            }
            if (filter.trackId() != null) {
                query.setParameter("track", filter.trackId());
            }
            return query.getResultList();
        }).map(rows -> rows.stream().map(Play::of).toList());
    }
}
