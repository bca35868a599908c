package io.rotation.catalog.record.model;

import com.fasterxml.jackson.databind.JsonNode;

/** A track as the API shows it (GET /api/v1/tracks/{id}, and in a record's tracks). */
public record TrackView(long id, long recordId, Long parentTrackId, String position, int trackIndex, String title,
                        Integer durationSeconds, JsonNode artists, JsonNode extraArtists, boolean heading) {

    public static TrackView of(Track t) {
        return new TrackView(t.id, t.recordId, t.parentTrackId, t.position, t.trackIndex, t.title, t.durationSeconds,
                t.artists, t.extraArtists, t.heading);
    }
}
