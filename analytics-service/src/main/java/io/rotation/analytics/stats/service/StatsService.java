package io.rotation.analytics.stats.service;

import io.rotation.analytics.usage.model.DailyMetric;
import io.rotation.analytics.stats.repository.ListeningRepository;
import io.rotation.analytics.stats.repository.ListeningRepository.DayValue;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A user's totals and days from daily_metrics, top tracks from recommendation_data, and top records,
 * artists, genres and plays by hour from usage_metrics with the catalog projection, all read on the read replica
 * ({@link ListeningRepository}).
 */
@ApplicationScoped
public class StatsService {

    private final ListeningRepository listening;

    public StatsService(ListeningRepository listening) {
        this.listening = listening;
    }

    public Uni<UserStats> forUser(long userId, int days, int topTracks) {
        return listening.days(userId)
                .chain(dayRows -> listening.topTracks(userId, topTracks).map(top -> assemble(userId, dayRows, top, days)))
                .chain(stats -> listening.of(userId, days, topTracks).map(l -> new UserStats(stats.userId(),
                        stats.totalPlays(), stats.totalListeningMs(), stats.topTracks(), stats.playsByDay(),
                        l.topRecords(), l.topArtists(), l.topGenres(), l.byHour())));
    }

    private static UserStats assemble(long userId, List<DayValue> dayRows, List<UserStats.TopTrack> tracks, int days) {
        Map<LocalDate, long[]> byDay = new TreeMap<>(java.util.Comparator.reverseOrder());
        long plays = 0;
        long listening = 0;
        for (DayValue row : dayRows) {
            long value = row.value();
            long[] sums = byDay.computeIfAbsent(row.date(), d -> new long[2]);
            if (DailyMetric.PLAYS.equals(row.metricName())) {
                sums[0] += value;
                plays += value;
            } else if (DailyMetric.LISTENING_MS.equals(row.metricName())) {
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
        return new UserStats(userId, plays, listening, tracks, recentDays, List.of(), List.of(), List.of(), List.of());
    }
}
