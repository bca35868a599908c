package io.rotation.platform.security;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;

/**
 * Access tokens every service refuses before they expire: identity marks a user after a change
 * that must take effect at once (erased, deactivated, role changed, removed from a store), and
 * {@link RevokedSubjectFilter} refuses the user's tokens issued at or before the mark. A mark
 * lives in Redis only as long as a token issued before it can live (the access-token TTL); refresh
 * tokens are handled in identity, which issues new tokens after the mark ({@link #issuedAfter}).
 */
@ApplicationScoped
public class RevokedSubjects {

    private static final String PREFIX = "rotation:revoked-subject:";
    /** The mark of an erased account: every token, whenever issued. */
    private static final String ALL = "revoked";

    private final ReactiveValueCommands<String, String> values;

    public RevokedSubjects(ReactiveRedisDataSource redis) {
        this.values = redis.value(String.class);
    }

    /** Refuses every token of the user for {@code ttl} (an erased account). */
    public Uni<Void> revoke(long userId, Duration ttl) {
        return values.setex(PREFIX + userId, seconds(ttl), ALL);
    }

    /**
     * Refuses the user's tokens issued at or before {@code changedAt} (to the second, as a token's
     * {@code iat}) for {@code ttl}; tokens issued later pass. A token issued after an earlier mark of
     * the same second carries that mark's next second ({@link #issuedAfter}), so the new mark covers it
     * too; an erased account stays refused.
     */
    public Uni<Void> voidTokensIssuedUntil(long userId, Instant changedAt, Duration ttl) {
        return values.get(PREFIX + userId).chain(previous -> {
            long until = changedAt.getEpochSecond();
            if (previous != null) {
                long previousUntil = voidUntil(previous);
                if (previousUntil == Long.MAX_VALUE) {
                    return Uni.createFrom().voidItem();
                }
                until = Math.max(until, previousUntil + 1);
            }
            return values.setex(PREFIX + userId, seconds(ttl), String.valueOf(until));
        });
    }

    /** Whether a token of this subject issued at {@code issuedAt} (epoch seconds) is refused. */
    public Uni<Boolean> isRevoked(String subject, long issuedAt) {
        return values.get(PREFIX + subject).map(mark -> mark != null && issuedAt <= voidUntil(mark));
    }

    /**
     * The {@code iat} a new token of the user must carry to pass: now, or the second after a mark
     * set within this second (a token issued in the same second as the change would be refused).
     */
    public Uni<Instant> issuedAfter(long userId, Instant now) {
        return values.get(PREFIX + userId).map(mark -> {
            long until = mark == null ? Long.MIN_VALUE : voidUntil(mark);
            return until >= now.getEpochSecond() && until != Long.MAX_VALUE ? Instant.ofEpochSecond(until + 1) : now;
        });
    }

    private static long voidUntil(String mark) {
        try {
            return Long.parseLong(mark);
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE; // ALL
        }
    }

    private static long seconds(Duration ttl) {
        return Math.max(1, ttl.toSeconds());
    }
}
