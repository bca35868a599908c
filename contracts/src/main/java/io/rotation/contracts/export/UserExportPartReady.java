package io.rotation.contracts.export;

import java.time.Instant;
import java.util.Map;

/**
 * One service's share of a user's export (key = user id): {@code data} is a JSON object of what
 * {@code service} holds about the user, table by table, in the service's own words.
 */
public record UserExportPartReady(String exportId, long userId, String service, Map<String, Object> data,
                                  Instant producedAt) {
}
