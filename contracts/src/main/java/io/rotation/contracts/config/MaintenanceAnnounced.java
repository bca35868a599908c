package io.rotation.contracts.config;

import java.time.Instant;
import java.util.List;

/**
 * A maintenance window announced {@code notifyBeforeMinutes} before it starts (once per window and
 * schedule), for notifiers and client apps: what users are told, when, and which services.
 */
public record MaintenanceAnnounced(
        long id,
        String title,
        String message,
        Instant startsAt,
        Instant endsAt,
        List<String> affectedServices,
        boolean readOnly,
        Instant announcedAt) {
}
