package io.rotation.analytics.stats.service;

import io.rotation.analytics.usage.model.DailyMetric;
import io.rotation.analytics.usage.model.RecommendationData;
import io.rotation.analytics.stats.repository.ListeningRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Reads a user's totals and days from daily_metrics, top tracks from recommendation_data, and top records,
 * artists, genres and plays by hour from usage_metrics with the catalog projection.
 */
@ApplicationScoped
public class StatsService {

    private static final String DAYS = """
            select d.metricDate, d.metricName, d.value from DailyMetric d
            where d.metricType = :type and d.entityType = :entity and d.entityId = :user
            order by d.metricDate desc""";
    private static final String TOP_TRACKS = """
            from RecommendationData r where r.userId = :user and r.entityType = :entity
            order by r.playCount desc, r.affinityScore desc, r.entityId""";

    private final Mutiny.SessionFactory sessions;
    private final ListeningRepository listening;

    public StatsService(Mutiny.SessionFactory sessions, ListeningRepository listening) {
        this.sessions = sessions;
        this.listening = listening;
    }

    public Uni<UserStats> forUser(long userId, int days, int topTracks) {
        return sessions.withSession(s -> s.createSelectionQuery(DAYS, Object[].class)
                        .setParameter("type", DailyMetric.TYPE_USAGE)
                        .setParameter("entity", DailyMetric.ENTITY_USER)
                        .setParameter("user", userId)
                        .getResultList()
                        .chain(dayRows -> s.createSelectionQuery(TOP_TRACKS, RecommendationData.class)
                                .setParameter("user", userId)
                                .setParameter("entity", RecommendationData.TRACK)
                                .setMaxResults(topTracks)
                                .getResultList()
                                .map(top -> assemble(userId, dayRows, top, days))))
                .chain(stats -> listening.of(userId, days, topTracks).map(l -> new UserStats(stats.userId(),
                        stats.totalPlays(), stats.totalListeningMs(), stats.topTracks(), stats.playsByDay(),
                        l.topRecords(), l.topArtists(), l.topGenres(), l.byHour())));
    }

    private static UserStats assemble(long userId, List<Object[]> dayRows, List<RecommendationData> top, int days) {
        Map<LocalDate, long[]> byDay = new TreeMap<>(java.util.Comparator.reverseOrder());
        long plays = 0;
        long listening = 0;
        for (Object[] row : dayRows) {
            long value = ((BigDecimal) row[2]).longValue();
            long[] sums = byDay.computeIfAbsent((LocalDate) row[0], d -> new long[2]);
            if (DailyMetric.PLAYS.equals(row[1])) {
                sums[0] += value;
                plays += value;
            } else if (DailyMetric.LISTENING_MS.equals(row[1])) {
                sums[1] += value;
                listening += value;
            }
        }
        List<UserStats.Day> recentDays = new ArrayList<>();
        for (Map.Entry<LocalDate, long[]> e : byDay.entrySet()) {
            if (recentDays.size() == days) {
                break;
            }
            recentDays.add(new UserStats.Day(e.getKey(), e.getValue()[0], e.getValue()[1]));
        }
        List<UserStats.TopTrack> tracks = top.stream().map(r -> new UserStats.TopTrack(r.entityId, r.playCount,
                r.totalListeningMs, r.affinityScore.doubleValue())).toList();
        return new UserStats(userId, plays, listening, tracks, recentDays, List.of(), List.of(), List.of(), List.of());
    }
}
