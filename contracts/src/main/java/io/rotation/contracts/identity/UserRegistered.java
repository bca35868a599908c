package io.rotation.contracts.identity;

import java.time.Instant;

/** A user account was created. Carries no e-mail address: personal data stays in identity. */
public record UserRegistered(long userId, String username, String role, Instant registeredAt) {
}
