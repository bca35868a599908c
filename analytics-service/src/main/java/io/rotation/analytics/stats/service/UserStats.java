package io.rotation.analytics.stats.service;

import java.time.LocalDate;
import java.util.List;

/** A listener's own numbers: {@code GET /api/v1/stats/me}. */
public record UserStats(long userId, long totalPlays, long totalListeningMs, List<TopTrack> topTracks,
                        List<Day> playsByDay) {

    public record TopTrack(long trackId, int plays, long listeningMs, double affinityScore) {
    }

    public record Day(LocalDate date, long plays, long listeningMs) {
    }
}
