package io.rotation.platform.paging;

import io.rotation.platform.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * A validated {@code ?limit=&cursor=} pair. Cursors are opaque to clients: URL-safe base64 of the
 * sort key of the last item, {@code |}-separated.
 */
public record PageRequest(int limit, List<String> after) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    public static PageRequest of(Integer limit, String cursor) {
        int size = limit == null ? DEFAULT_LIMIT : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw ProblemException.invalidField("limit", "must be between 1 and " + MAX_LIMIT);
        }
        if (cursor == null || cursor.isBlank()) {
            return new PageRequest(size, List.of());
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            return new PageRequest(size, List.of(decoded.split("\\|", -1)));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("cursor", "is not a cursor this API issued");
        }
    }

    public boolean first() {
        return after.isEmpty();
    }

    /** Reads one part of the cursor, answering 400 if it does not parse. */
    public <T> T afterPart(int index, Function<String, T> parse) {
        try {
            return parse.apply(after.get(index));
        } catch (RuntimeException e) {
            throw ProblemException.invalidField("cursor", "is not a cursor this API issued");
        }
    }

    /** Builds the page: fetch {@code limit + 1} rows, and this says whether there is a next page. */
    public <T> Page<T> page(List<T> rowsPlusOne, Function<T, List<Object>> sortKey) {
        if (rowsPlusOne.size() <= limit) {
            return new Page<>(rowsPlusOne, null);
        }
        List<T> items = rowsPlusOne.subList(0, limit);
        List<String> key = sortKey.apply(items.get(limit - 1)).stream().map(String::valueOf).toList();
        String cursor = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join("|", key).getBytes(StandardCharsets.UTF_8));
        return new Page<>(List.copyOf(items), cursor);
    }
}
