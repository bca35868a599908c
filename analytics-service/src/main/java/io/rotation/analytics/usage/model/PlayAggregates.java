package io.rotation.analytics.usage.model;

import io.rotation.contracts.userfeatures.PlayRecorded;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a batch of plays adds up to, per daily-metric key and per user-entity affinity key. Summing
 * first lets one upsert statement touch each row once, and sorted keys keep lock order stable.
 */
public record PlayAggregates(Map<DayKey, long[]> daily, Map<AffinityKey, Affinity> affinity) {

    /** A day's plays and listening time for a user or a track. */
    public record DayKey(LocalDate day, String entityType, long entityId) implements Comparable<DayKey> {
        @Override
        public int compareTo(DayKey o) {
            int c = day.compareTo(o.day);
            c = c != 0 ? c : entityType.compareTo(o.entityType);
            return c != 0 ? c : Long.compare(entityId, o.entityId);
        }
    }

    public record AffinityKey(long userId, String entityType, long entityId) implements Comparable<AffinityKey> {
        @Override
        public int compareTo(AffinityKey o) {
            int c = Long.compare(userId, o.userId);
            c = c != 0 ? c : entityType.compareTo(o.entityType);
            return c != 0 ? c : Long.compare(entityId, o.entityId);
        }
    }

    public record Affinity(int plays, long listeningMs, double score, Instant lastPlayedAt) {
        Affinity plus(Affinity o) {
            return new Affinity(plays + o.plays, listeningMs + o.listeningMs, score + o.score,
                    lastPlayedAt.isAfter(o.lastPlayedAt) ? lastPlayedAt : o.lastPlayedAt);
        }
    }

    /**
     * A play adds 0.5 to the affinity, plus up to 0.5 more for how much of the track was heard:
     * a skipped track counts, a finished one counts double.
     */
    public static double score(BigDecimal completionPercentage) {
        double completion = completionPercentage == null ? 0 : completionPercentage.doubleValue() / 100.0;
        return 0.5 + 0.5 * Math.max(0, Math.min(1, completion));
    }

    public static PlayAggregates of(List<PlayRecorded> plays) {
        Map<DayKey, long[]> daily = new TreeMap<>();
        Map<AffinityKey, Affinity> affinity = new TreeMap<>();
        for (PlayRecorded p : plays) {
            LocalDate day = p.playedAt().atZone(ZoneOffset.UTC).toLocalDate();
            long ms = p.durationPlayedMs() == null ? 0 : p.durationPlayedMs();
            addDay(daily, new DayKey(day, DailyMetric.ENTITY_USER, p.userId()), ms);
            addDay(daily, new DayKey(day, DailyMetric.ENTITY_TRACK, p.trackId()), ms);
            Affinity one = new Affinity(1, ms, score(p.completionPercentage()), p.playedAt());
            affinity.merge(new AffinityKey(p.userId(), RecommendationData.TRACK, p.trackId()), one, Affinity::plus);
            if (p.recordId() != null) {
                affinity.merge(new AffinityKey(p.userId(), RecommendationData.RECORD, p.recordId()), one,
                        Affinity::plus);
            }
        }
        return new PlayAggregates(daily, affinity);
    }

    private static void addDay(Map<DayKey, long[]> daily, DayKey key, long ms) {
        long[] sums = daily.computeIfAbsent(key, k -> new long[2]);
        sums[0] += 1;
        sums[1] += ms;
    }
}
