package io.rotation.contracts.export;

import java.time.Instant;

/**
 * A user asked for a copy of everything the suite holds about them (GDPR right of access; key = user
 * id). Every service that holds personal data answers with one {@link UserExportPartReady} for
 * {@code exportId}; user-features assembles the parts.
 */
public record UserExportRequested(String exportId, long userId, Instant requestedAt) {
}
