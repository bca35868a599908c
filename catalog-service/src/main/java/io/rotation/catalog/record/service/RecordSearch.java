package io.rotation.catalog.record.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rotation.catalog.record.model.RecordFilter;
import io.rotation.catalog.record.model.RecordSort;
import io.rotation.catalog.record.model.RecordSummary;
import io.rotation.platform.paging.Page;
import io.rotation.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The record search of GET /api/v1/records and of GraphQL's records: one SQL statement per page,
 * filters on indexed columns (genre/style by array containment on their GIN indexes, label by JSONB
 * containment on idx_records_labels, q and artist by full text on GIN indexes), keyset paging on
 * (sort key, id). Native SQL over the Vert.x pool: HQL cannot express the tsquery and containment
 * operators.
 */
@ApplicationScoped
public class RecordSearch {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    private final Pool pool;
    private final ObjectMapper json;

    public RecordSearch(Pool pool, ObjectMapper json) {
        this.pool = pool;
        this.json = json;
    }

    /** A statement and its parameters ($1.. in order). */
    public record Statement(String sql, List<Object> params) {
    }

    /**
     * One page of active records.
     *
     * @param limitField  the name of the page size in problems ("limit" in REST, "first" in GraphQL)
     * @param cursorField the name of the cursor in problems ("cursor" in REST, "after" in GraphQL)
     */
    public Uni<Page<RecordSummary>> search(RecordFilter filter, RecordSort sort, int limit, String cursor,
                                           String limitField, String cursorField) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ProblemException.invalidField(limitField, "must be between 1 and " + MAX_LIMIT);
        }
        RecordCursor after = RecordCursor.decode(cursor, sort, cursorField);
        Statement statement = statement(filter, sort, limit + 1, after);
        return pool.preparedQuery(statement.sql()).execute(Tuple.from(statement.params())).map(rows -> {
            List<RecordSummary> items = new ArrayList<>();
            List<String> keys = new ArrayList<>();
            for (Row row : rows) {
                items.add(summary(row));
                keys.add(row.getString("sort_key"));
            }
            if (items.size() <= limit) {
                return new Page<>(items, null);
            }
            RecordSummary last = items.get(limit - 1);
            return new Page<>(List.copyOf(items.subList(0, limit)),
                    new RecordCursor(sort, last.id(), keys.get(limit - 1)).encode());
        });
    }

    /** The SQL of a page (public for tests that EXPLAIN it). */
    public static Statement statement(RecordFilter filter, RecordSort sort, int rows, RecordCursor after) {
        List<Object> params = new ArrayList<>();
        List<String> where = new ArrayList<>();
        where.add("r.status = 'active'");
        String q = null;
        if (filter.q() != null) {
            params.add(filter.q());
            q = "$" + params.size();
            where.add("r.search_vector @@ records_prefix_query(" + q + ")");
        }
        if (filter.artist() != null) {
            params.add(filter.artist());
            // the expression of idx_records_artist_words
            where.add("to_tsvector('simple'::regconfig, r.artist) @@ records_prefix_query($" + params.size() + ")");
        }
        if (!filter.genres().isEmpty()) {
            params.add(filter.genres().toArray(String[]::new));
            where.add("r.genres @> $" + params.size() + "::text[]");
        }
        if (!filter.styles().isEmpty()) {
            params.add(filter.styles().toArray(String[]::new));
            where.add("r.styles @> $" + params.size() + "::text[]");
        }
        if (filter.yearFrom() != null) {
            params.add(filter.yearFrom());
            where.add("r.release_year >= $" + params.size() + "::integer");
        }
        if (filter.yearTo() != null) {
            params.add(filter.yearTo());
            where.add("r.release_year <= $" + params.size() + "::integer");
        }
        if (filter.country() != null) {
            params.add(filter.country());
            where.add("lower(r.country) = lower($" + params.size() + "::text)");
        }
        if (filter.label() != null) {
            params.add(filter.label());
            where.add("r.labels @> jsonb_build_array(jsonb_build_object('name', $" + params.size() + "::text))");
        }
        if (filter.storeId() != null) {
            params.add(filter.storeId());
            where.add("exists (select 1 from store_inventory i where i.record_id = r.id and i.store_id = $"
                    + params.size() + "::bigint and i.status = 'active')");
        }
        String key = sort.key().replace("$q", q == null ? "null" : q);
        if (after != null) {
            params.add(after.key());
            String k = "$" + params.size();
            params.add(after.id());
            String id = "$" + params.size();
            where.add("(" + key + ", r.id) " + (sort.descending() ? "<" : ">")
                    + " (cast(" + k + "::text as " + sort.type() + "), " + id + "::bigint)");
        }
        String direction = sort.descending() ? " desc" : "";
        String sql = """
                select r.id, r.discogs_release_id, r.artist, r.title, r.release_year, r.genres, r.styles,
                       cast(r.formats as text) as formats, r.thumb_url, cast(%s as text) as sort_key
                from records r
                where %s
                order by %s%s, r.id%s
                limit %d""".formatted(key, String.join("\n  and ", where), key, direction, direction, rows);
        return new Statement(sql, params);
    }

    private RecordSummary summary(Row row) {
        Short year = row.getShort("release_year");
        return new RecordSummary(row.getLong("id"), row.getLong("discogs_release_id"), row.getString("artist"),
                row.getString("title"), year == null ? null : year.intValue(), list(row.getArrayOfStrings("genres")),
                list(row.getArrayOfStrings("styles")), tree(row.getString("formats")), row.getString("thumb_url"));
    }

    private static List<String> list(String[] values) {
        return values == null ? List.of() : Arrays.asList(values);
    }

    private JsonNode tree(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("records.formats is not JSON", e);
        }
    }
}
