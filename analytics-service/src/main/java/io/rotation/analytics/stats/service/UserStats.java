package io.rotation.analytics.stats.service;

import java.time.LocalDate;
import java.util.List;

/** A listener's own numbers: {@code GET /api/v1/stats/me}. */
public record UserStats(long userId, long totalPlays, long totalListeningMs, List<TopTrack> topTracks,
                        List<Day> playsByDay, List<TopRecord> topRecords, List<Named> topArtists,
                        List<Named> topGenres, List<Hour> listeningByHour) {

    /** A record the listener played most in the window (artist and title null until the catalog projection has it). */
    public record TopRecord(long recordId, String artist, String title, long plays, long listeningMs) {
    }

    /** An artist or a genre and the listener's plays of it in the window. */
    public record Named(String name, long plays, long listeningMs) {
    }

    /** Plays in the window that started in this hour of the day (0–23, UTC). */
    public record Hour(int hour, long plays, long listeningMs) {
    }

    public record TopTrack(long trackId, int plays, long listeningMs, double affinityScore) {
    }

    public record Day(LocalDate date, long plays, long listeningMs) {
    }
}
