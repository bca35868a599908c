package io.rotation.contracts.config;

import java.time.Instant;
import java.util.List;

/**
 * A maintenance window's whole current state, on the compacted topic {@code rotation.config.maintenance.v1}
 * (key = window id): between {@code startsAt} and {@code endsAt} the {@code affectedServices} (empty:
 * every service) answer writes with 503 ({@code readOnly}) or every API request ({@code readOnly =
 * false}); health stays up. A cancelled window has {@code cancelled = true} and is enforced nowhere.
 */
public record MaintenanceWindowChanged(
        long id,
        boolean cancelled,
        String title,
        String message,
        Instant startsAt,
        Instant endsAt,
        List<String> affectedServices,
        boolean readOnly,
        int notifyBeforeMinutes,
        Instant changedAt) {
}
