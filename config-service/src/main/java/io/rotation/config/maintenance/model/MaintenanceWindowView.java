package io.rotation.config.maintenance.model;

import java.time.Instant;
import java.util.List;

/** A maintenance window as admins and clients see it; no affected services means every service. */
public record MaintenanceWindowView(
        long id,
        String title,
        String message,
        Instant startsAt,
        Instant endsAt,
        List<String> affectedServices,
        boolean readOnly,
        int notifyBeforeMinutes,
        Instant announcedAt,
        Instant cancelledAt,
        Long createdBy,
        Instant createdAt,
        Instant updatedAt) {
}
