package io.rotation.catalog.record.service;

import io.rotation.catalog.record.model.RecordSort;
import io.rotation.platform.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque keyset cursor of a record search: URL-safe base64 of {@code sort|id|key} where key is
 * the sort key of the last record of the page (text, last so that it may contain '|'). A cursor is
 * only valid with the sort it was issued for.
 */
public record RecordCursor(RecordSort sort, long id, String key) {

    String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((sort.param() + "|" + id + "|" + key).getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor, or null for the first page; a 400 problem naming {@code field} if it is not ours. */
    static RecordCursor decode(String cursor, RecordSort sort, String field) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(cursor.trim()), StandardCharsets.UTF_8)
                    .split("\\|", 3);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(field, "is not a cursor this API issued");
        }
        if (parts.length != 3) {
            throw ProblemException.invalidField(field, "is not a cursor this API issued");
        }
        if (!parts[0].equals(sort.param())) {
            throw ProblemException.invalidField(field, "was issued for sort=" + parts[0] + ", not " + sort.param());
        }
        try {
            return new RecordCursor(sort, Long.parseLong(parts[1]), parts[2]);
        } catch (NumberFormatException e) {
            throw ProblemException.invalidField(field, "is not a cursor this API issued");
        }
    }
}
