package io.rotation.identity.discogs.model;

import java.time.Instant;

/** {@code GET /api/v1/users/me/discogs-token}: whether a token is set, never the token. */
public record DiscogsTokenStatus(boolean isSet, String username, Instant updatedAt) {
}
