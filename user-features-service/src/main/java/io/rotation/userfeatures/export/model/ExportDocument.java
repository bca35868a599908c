package io.rotation.userfeatures.export.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A finished export: what every service holds about the user, by service name. */
public record ExportDocument(UUID id, long userId, String status, Instant requestedAt, Instant completedAt,
                             Instant expiresAt, Map<String, JsonNode> services) {
}
