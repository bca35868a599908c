package io.rotation.catalog.discogs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rotation.contracts.catalog.RecordUpserted;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Discogs' text conventions, the same whether a release comes from the dump or from the API:
 * durations as "m:ss", artists shown with their join words and without the "(2)" that tells
 * namesakes apart, sort names with the leading article moved to the end.
 */
public final class DiscogsText {

    private static final Pattern DURATION = Pattern.compile("^(?:(\\d+):)?(\\d+):(\\d{1,2})$");
    private static final Pattern DISAMBIGUATION = Pattern.compile("\\s\\(\\d+\\)$");
    private static final ObjectMapper JSON = new ObjectMapper();

    private DiscogsText() {
    }

    /** "4:45" → 285, "1:02:03" → 3723; anything else (empty, "?", "4.45") → null. */
    public static Integer duration(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = DURATION.matcher(text.trim());
        if (!m.matches()) {
            return null;
        }
        long hours = m.group(1) == null ? 0 : Long.parseLong(m.group(1));
        long seconds = hours * 3600 + Long.parseLong(m.group(2)) * 60 + Long.parseLong(m.group(3));
        return seconds > Integer.MAX_VALUE ? null : (int) seconds;
    }

    /**
     * Discogs' display form of an artists array (objects with name, anv, join): names (anv when
     * given, "(2)" disambiguation dropped) joined by their join words; null when no name is left.
     */
    public static String displayArtist(JsonNode artists) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < artists.size(); i++) {
            JsonNode a = artists.get(i);
            String anv = a.path("anv").asText("").strip();
            String name = anv.isEmpty() ? DISAMBIGUATION.matcher(a.path("name").asText("").strip()).replaceAll("")
                    : anv;
            if (name.isEmpty()) {
                continue;
            }
            s.append(name);
            String join = a.path("join").asText("").strip();
            if (i < artists.size() - 1) {
                s.append(join.isEmpty() || ",".equals(join) ? ", " : " " + join + " ");
            } else if (!join.isEmpty() && !",".equals(join)) {
                s.append(' ').append(join);
            }
        }
        String result = s.toString().strip();
        if (result.endsWith(",")) {
            result = result.substring(0, result.length() - 1);
        }
        return result.isBlank() ? null : result;
    }

    /** "The Persuader" → "Persuader, The" (Discogs' sort form of a leading article). */
    public static String artistSort(String artist) {
        for (String article : List.of("The ", "A ", "An ")) {
            if (artist.startsWith(article) && artist.length() > article.length()) {
                return artist.substring(article.length()) + ", " + article.strip();
            }
        }
        return artist;
    }

    /** At most {@code max} characters (the column's length). */
    public static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    /** The names of an artists array (JSON text, as stored), anv first, "(2)" dropped; empty when none. */
    public static List<String> artistNames(String artistsJson) {
        List<String> names = new ArrayList<>();
        for (JsonNode a : parse(artistsJson)) {
            String anv = a.path("anv").asText("").strip();
            String name = anv.isEmpty() ? DISAMBIGUATION.matcher(a.path("name").asText("").strip()).replaceAll("")
                    : anv;
            if (!name.isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }

    /** The label names of a labels array (JSON text, dump or API shape), each once, in order. */
    public static List<String> labelNames(String labelsJson) {
        List<String> names = new ArrayList<>();
        for (JsonNode l : parse(labelsJson)) {
            String name = DISAMBIGUATION.matcher(l.path("name").asText("").strip()).replaceAll("");
            if (!name.isEmpty() && !names.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    /** The videos array (JSON text, dump or API shape) as the events carry it; videos without a uri left out. */
    public static List<RecordUpserted.Video> videos(String videosJson) {
        List<RecordUpserted.Video> videos = new ArrayList<>();
        for (JsonNode v : parse(videosJson)) {
            String uri = v.path("uri").asText("").strip();
            if (uri.isEmpty()) {
                continue;
            }
            JsonNode duration = v.path("duration");
            Integer seconds = duration.canConvertToInt() && duration.asInt(-1) >= 0 ? Integer.valueOf(duration.asInt())
                    : duration.isTextual() && duration.asText().strip().matches("\\d{1,9}")
                    ? Integer.valueOf(duration.asText().strip()) : null;
            String title = v.path("title").asText("").strip();
            videos.add(new RecordUpserted.Video(uri, title.isEmpty() ? null : title, seconds));
        }
        return videos;
    }

    private static JsonNode parse(String json) {
        if (json == null || json.isBlank()) {
            return JSON.createArrayNode();
        }
        try {
            JsonNode node = JSON.readTree(json);
            return node.isArray() ? node : JSON.createArrayNode();
        } catch (JsonProcessingException e) {
            return JSON.createArrayNode();
        }
    }
}
