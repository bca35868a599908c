package io.rotation.userfeatures.export.model;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An export still being gathered: which services have answered and which not yet. */
public record ExportStatus(UUID id, String status, Instant requestedAt, Instant expiresAt, List<String> received,
                           List<String> waitingFor) {
}
