package io.rotation.config.profile.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/** A row of {@code config_profiles}: setting overrides ({@code key → value as JSON}) for one environment. */
public record ProfileRow(
        long id,
        String name,
        String environment,
        String description,
        ObjectNode settings,
        boolean active,
        Long createdBy,
        Long updatedBy,
        Instant createdAt,
        Instant updatedAt) {
}
