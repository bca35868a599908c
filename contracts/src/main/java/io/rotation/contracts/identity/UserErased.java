package io.rotation.contracts.identity;

import java.time.Instant;

/** A user asked to be forgotten (GDPR): every service deletes or anonymises what it holds of them. */
public record UserErased(long userId, Instant erasedAt) {

    /** An erasure without a user would erase nothing, silently: consumers reject it as poison. */
    public UserErased {
        if (userId <= 0) {
            throw new IllegalArgumentException("user_id must be a user id, got " + userId);
        }
    }
}
