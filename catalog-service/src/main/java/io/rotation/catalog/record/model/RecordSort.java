package io.rotation.catalog.record.model;

import io.rotation.platform.problem.ProblemException;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The orders of a record search. Each pages by keyset on (key, id): ascending sorts by key then id
 * ascending, descending ones (a leading '-') by key then id descending. Records without a year come
 * last either way (the key is the year or a sentinel).
 */
public enum RecordSort {
    TITLE("title", "r.title", "text", false),
    TITLE_DESC("-title", "r.title", "text", true),
    ARTIST("artist", "r.artist", "text", false),
    ARTIST_DESC("-artist", "r.artist", "text", true),
    YEAR("year", "coalesce(r.release_year, 32767)", "integer", false),
    YEAR_DESC("-year", "coalesce(r.release_year, -1)", "integer", true),
    CREATED_AT("created_at", "r.created_at", "timestamptz", false),
    CREATED_AT_DESC("-created_at", "r.created_at", "timestamptz", true),
    /** Best text match first (needs q): ts_rank over artist and title. */
    RELEVANCE("relevance", "ts_rank(r.search_vector, records_prefix_query($q))", "real", true);

    private final String param;
    private final String key;
    private final String type;
    private final boolean descending;

    RecordSort(String param, String key, String type, boolean descending) {
        this.param = param;
        this.key = key;
        this.type = type;
        this.descending = descending;
    }

    /** The sort of ?sort= (null or blank: relevance when there is a text query, else artist). */
    public static RecordSort of(String value, RecordFilter filter) {
        RecordSort sort;
        if (value == null || value.isBlank()) {
            sort = filter.q() != null ? RELEVANCE : ARTIST;
        } else {
            sort = Arrays.stream(values()).filter(s -> s.param.equals(value.trim())).findFirst()
                    .orElseThrow(() -> ProblemException.invalidField("sort", "must be one of "
                            + Arrays.stream(values()).map(s -> s.param).collect(Collectors.joining(", "))));
        }
        if (sort == RELEVANCE && filter.q() == null) {
            throw ProblemException.invalidField("sort", "relevance needs a text query (q)");
        }
        return sort;
    }

    public String param() {
        return param;
    }

    /** The SQL of the sort key over {@code records r}; {@code $q} stands for the text query's parameter. */
    public String key() {
        return key;
    }

    /** The SQL type the cursor's key text is cast to. */
    public String type() {
        return type;
    }

    public boolean descending() {
        return descending;
    }
}
