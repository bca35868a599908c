package io.rotation.catalog.discogs.api;

import static io.rotation.catalog.discogs.DiscogsText.displayArtist;
import static io.rotation.catalog.discogs.DiscogsText.duration;
import static io.rotation.catalog.discogs.DiscogsText.truncate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.rotation.catalog.discogs.DiscogsRelease;
import io.rotation.catalog.discogs.DiscogsText;
import java.util.ArrayList;
import java.util.List;

/**
 * A release of the Discogs REST API ({@code /releases/{id}}) turned into the columns of records and
 * tracks; JSONB columns as JSON text. The API's shapes differ from the dump's (thumb, extraartists,
 * {@code type_} on tracks, {@code sub_tracks}); unknown fields are ignored.
 */
public record ApiRelease(long discogsReleaseId, Long masterId, String artist, String artistSort, String artists,
                         String title, String labels, String formats, List<String> genres, List<String> styles,
                         Integer releaseYear, String released, String country, String notes, String dataQuality,
                         String discogsStatus, String images, String thumbUrl, String videos, String extraArtists,
                         String companies, String series, String identifiers, List<ApiTrack> tracks)
        implements DiscogsRelease {

    /** One row of the flattened tracklist; {@code parentIndex} points at the index track of a sub-track. */
    public record ApiTrack(int trackIndex, Integer parentIndex, String position, String title,
                           Integer durationSeconds, String artists, String extraArtists, boolean heading,
                           String artist) implements DiscogsRelease.Track {
    }

    /** @throws IllegalArgumentException when the release lacks an id, a title or artists */
    public static ApiRelease of(JsonNode r) {
        long id = r.path("id").asLong(0);
        String title = text(r, "title");
        String artist = displayArtist(r.path("artists"));
        if (id <= 0 || title == null || artist == null) {
            throw new IllegalArgumentException("release " + (id > 0 ? id : "without id") + " lacks a title or artists");
        }
        List<ApiTrack> tracks = new ArrayList<>();
        flatten(r.path("tracklist"), null, artist, tracks);
        Integer year = r.path("year").isNumber() && r.path("year").asInt() >= 1877 && r.path("year").asInt() <= 2100
                ? r.path("year").asInt() : null;
        return new ApiRelease(id, r.path("master_id").isNumber() && r.path("master_id").asLong() > 0
                ? r.path("master_id").asLong() : null, artist, DiscogsText.artistSort(artist), array(r, "artists"),
                title, array(r, "labels"), array(r, "formats"), strings(r.path("genres")), strings(r.path("styles")),
                year,
                truncate(text(r, "released"), 32), truncate(text(r, "country"), 128), text(r, "notes"),
                truncate(text(r, "data_quality"), 64), truncate(text(r, "status"), 32), array(r, "images"),
                thumb(r), array(r, "videos"), array(r, "extraartists"), array(r, "companies"), array(r, "series"),
                array(r, "identifiers"), tracks);
    }

    /**
     * Tracklist in order: an {@code index} track (or one with sub_tracks) and a {@code heading} are
     * non-playable rows; the sub-tracks follow their index track and point at it.
     */
    private static void flatten(JsonNode list, Integer parent, String releaseArtist, List<ApiTrack> out) {
        for (JsonNode t : list) {
            int index = out.size();
            String type = t.path("type_").asText("track");
            String position = text(t, "position");
            String duration = text(t, "duration");
            boolean hasSubTracks = t.path("sub_tracks").isArray() && !t.path("sub_tracks").isEmpty();
            boolean heading = hasSubTracks || "heading".equals(type) || "index".equals(type)
                    || (position == null && duration == null);
            String artist = displayArtist(t.path("artists"));
            String title = text(t, "title");
            out.add(new ApiTrack(index, parent, position, title == null ? "" : title.strip(), duration(duration),
                    array(t, "artists"), array(t, "extraartists"), heading, artist == null ? releaseArtist : artist));
            if (hasSubTracks) {
                flatten(t.path("sub_tracks"), index, releaseArtist, out);
            }
        }
    }

    private static String thumb(JsonNode r) {
        String thumb = text(r, "thumb");
        if (thumb != null) {
            return thumb;
        }
        for (JsonNode image : r.path("images")) {
            if ("primary".equals(image.path("type").asText())) {
                return text(image, "uri150");
            }
        }
        return null;
    }

    private static String array(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return (v.isArray() ? v : new ArrayNode(JsonNodeFactory.instance)).toString();
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> {
            if (v.isTextual() && !v.textValue().isBlank()) {
                values.add(v.textValue().strip());
            }
        });
        return values;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isValueNode() && !v.isNull() && !v.asText().isBlank() ? v.asText() : null;
    }
}
