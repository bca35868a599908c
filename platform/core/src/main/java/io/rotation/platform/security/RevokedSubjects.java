package io.rotation.platform.security;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Objects;

/**
 * Users whose still-valid access tokens every service refuses: an erased account's token would
 * otherwise keep working until it expires. Kept in Redis only as long as a token issued before the
 * revocation can live (the access-token TTL), since refresh tokens are revoked in identity.
 */
@ApplicationScoped
public class RevokedSubjects {

    private static final String PREFIX = "rotation:revoked-subject:";

    private final ReactiveValueCommands<String, String> values;

    public RevokedSubjects(ReactiveRedisDataSource redis) {
        this.values = redis.value(String.class);
    }

    /** Refuses the user's tokens for {@code ttl}. */
    public Uni<Void> revoke(long userId, Duration ttl) {
        return values.setex(PREFIX + userId, Math.max(1, ttl.toSeconds()), "revoked");
    }

    public Uni<Boolean> isRevoked(String subject) {
        return values.get(PREFIX + subject).map(Objects::nonNull);
    }
}
