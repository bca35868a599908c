package io.rotation.contracts.identity;

import java.time.Instant;

/** A user asked to be forgotten (GDPR): every service deletes or anonymises what it holds of them. */
public record UserErased(long userId, Instant erasedAt) {
}
