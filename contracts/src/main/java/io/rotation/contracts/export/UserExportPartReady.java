package io.rotation.contracts.export;

import java.time.Instant;
import java.util.Map;

/**
 * One chunk of one service's share of a user's export (key = user id): {@code data} is a JSON
 * object of what {@code service} holds about the user, table by table, in the service's own words.
 * A share too large for one Kafka message travels as {@code chunks} messages, chunk {@code chunk}
 * of {@code chunks} (1-based); each carries some of the share's fields, and a list field split
 * across chunks continues in the next chunk: the share is the chunks' objects merged in chunk order,
 * lists concatenated. A message without chunk numbers (an older sender) is chunk 1 of 1.
 */
public record UserExportPartReady(String exportId, long userId, String service, Map<String, Object> data,
                                  Instant producedAt, Integer chunk, Integer chunks) {

    /** A share that fits one message: chunk 1 of 1. */
    public UserExportPartReady(String exportId, long userId, String service, Map<String, Object> data,
                               Instant producedAt) {
        this(exportId, userId, service, data, producedAt, 1, 1);
    }

    /** The chunk number, 1 when the sender did not number it. */
    public int chunkNumber() {
        return chunk == null ? 1 : chunk;
    }

    /** How many chunks the share has, 1 when the sender did not say. */
    public int chunkCount() {
        return chunks == null ? 1 : chunks;
    }
}
