package io.rotation.catalog.record.model;

import io.rotation.platform.problem.ProblemException;
import java.util.List;

/**
 * The filters of a record search, validated; every one is optional and they combine with AND.
 * Field names in problems are the REST query parameters (GraphQL uses the same names).
 *
 * @param artist  words of the artist name (each a prefix, all required)
 * @param q       words of artist, title or artist sort name (each a prefix, all required)
 * @param genres  genres the record has all of, as Discogs spells them ("Folk, World, & Country")
 * @param styles  styles the record has all of
 * @param country the release country, case-insensitive ("UK", "Germany")
 * @param label   a label's exact name as Discogs spells it
 * @param storeId identity's store id: only records with a copy for sale (status active) there
 */
public record RecordFilter(String artist, String q, List<String> genres, List<String> styles, Integer yearFrom,
                           Integer yearTo, String country, String label, Long storeId) {

    public RecordFilter {
        artist = words("artist", artist);
        q = words("q", q);
        genres = values("genre", genres);
        styles = values("style", styles);
        country = blankToNull(country);
        label = blankToNull(label);
        if (yearFrom != null && yearTo != null && yearFrom > yearTo) {
            throw ProblemException.invalidField("year_from", "must not be after year_to");
        }
        if (storeId != null && storeId <= 0) {
            throw ProblemException.invalidField("store_id", "must be a positive number");
        }
    }

    public static RecordFilter none() {
        return new RecordFilter(null, null, null, null, null, null, null, null, null);
    }

    /** Text is searched by its words: text without a letter or digit cannot match anything. */
    private static String words(String field, String text) {
        String value = blankToNull(text);
        if (value == null) {
            return null;
        }
        if (value.length() > 200) {
            throw ProblemException.invalidField(field, "must be at most 200 characters");
        }
        if (value.codePoints().noneMatch(Character::isLetterOrDigit)) {
            throw ProblemException.invalidField(field, "must contain a word");
        }
        return value;
    }

    private static List<String> values(String field, List<String> values) {
        if (values == null) {
            return List.of();
        }
        for (String v : values) {
            if (v == null || v.isBlank()) {
                throw ProblemException.invalidField(field, "must not be empty");
            }
        }
        return List.copyOf(values);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
