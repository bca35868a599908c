package io.rotation.analytics.usage.model;

import io.rotation.contracts.userfeatures.PlayRecorded;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a batch of plays adds up to, per daily-metric key, per user-entity affinity key and per listener's
 * hour and record. Summing first lets one upsert statement touch each row once, and sorted keys keep lock
 * order stable.
 */
public record PlayAggregates(Map<DayKey, long[]> daily, Map<AffinityKey, Affinity> affinity,
                             Map<HourKey, long[]> hourly) {

    private static final Comparator<Long> RECORD_ORDER = Comparator.nullsFirst(Comparator.naturalOrder());

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

    /** A listener's plays of one record (null: plays without a record) within one UTC hour. */
    public record HourKey(long userId, Instant hourStart, Long recordId) implements Comparable<HourKey> {
        @Override
        public int compareTo(HourKey o) {
            int c = Long.compare(userId, o.userId);
            c = c != 0 ? c : hourStart.compareTo(o.hourStart);
            return c != 0 ? c : RECORD_ORDER.compare(recordId, o.recordId);
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
        Map<HourKey, long[]> hourly = new TreeMap<>();
        for (PlayRecorded p : plays) {
            LocalDate day = p.playedAt().atZone(ZoneOffset.UTC).toLocalDate();
            long ms = p.durationPlayedMs() == null ? 0 : p.durationPlayedMs();
            add(daily, new DayKey(day, DailyMetric.ENTITY_USER, p.userId()), ms);
            add(daily, new DayKey(day, DailyMetric.ENTITY_TRACK, p.trackId()), ms);
            add(hourly, new HourKey(p.userId(), p.playedAt().truncatedTo(ChronoUnit.HOURS), p.recordId()), ms);
            Affinity one = new Affinity(1, ms, score(p.completionPercentage()), p.playedAt());
            affinity.merge(new AffinityKey(p.userId(), RecommendationData.TRACK, p.trackId()), one, Affinity::plus);
            if (p.recordId() != null) {
                affinity.merge(new AffinityKey(p.userId(), RecommendationData.RECORD, p.recordId()), one,
                        Affinity::plus);
            }
        }
        return new PlayAggregates(daily, affinity, hourly);
    }

    private static <K> void add(Map<K, long[]> sums, K key, long ms) {
        long[] sum = sums.computeIfAbsent(key, k -> new long[2]);
        sum[0] += 1;
        sum[1] += ms;
    }
}
