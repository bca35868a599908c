package io.rotation.config.maintenance.model;

import java.time.Instant;
import java.util.List;

/**
 * A new window (POST: title, starts_at and ends_at required; every service and read-only by default)
 * or a change (PATCH: only the fields sent change).
 */
public record MaintenanceWindowInput(
        String title,
        String message,
        Instant startsAt,
        Instant endsAt,
        List<String> affectedServices,
        Boolean readOnly,
        Integer notifyBeforeMinutes) {
}
