package io.rotation.identity.auth.service;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import org.jboss.logging.Logger;

/**
 * Failed logins counted in Redis per subject (a login name, a client address) in a fixed window:
 * the first failure starts the window, the max-th locks the subject for the lock time. Keys hold
 * a SHA-256 of the lower-cased subject, never the subject. If Redis is down, logins go on
 * unlimited by this rule (logged): a lock-out of everyone would be worse.
 */
public final class FailureLimit {

    private static final Logger LOG = Logger.getLogger(FailureLimit.class);

    private final ReactiveRedisDataSource redis;
    private final String prefix;
    private final int maxFailures;
    private final Duration window;
    private final Duration lock;

    public FailureLimit(ReactiveRedisDataSource redis, String prefix, int maxFailures, Duration window, Duration lock) {
        this.redis = redis;
        this.prefix = prefix;
        this.maxFailures = maxFailures;
        this.window = window;
        this.lock = lock;
    }

    /** How long the subject stays locked, or null. */
    public Uni<Duration> lockedFor(String subject) {
        String key = key(subject);
        return redis.value(Long.class).get(key).chain(count -> count == null || count < maxFailures
                        ? Uni.createFrom().<Duration>nullItem()
                        : redis.key().pttl(key).map(ms -> ms > 0 ? Duration.ofMillis(ms) : null))
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("login limiter unavailable: %s", e.getMessage());
                    return null;
                });
    }

    /** Counts a failure. */
    public Uni<Void> recordFailure(String subject) {
        String key = key(subject);
        return redis.value(Long.class).incr(key)
                .chain(count -> count == 1 ? redis.key().pexpire(key, window).replaceWithVoid()
                        : count == maxFailures ? redis.key().pexpire(key, lock).replaceWithVoid()
                        : Uni.createFrom().voidItem())
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("login limiter unavailable: %s", e.getMessage());
                    return null;
                });
    }

    /** The Redis key of a subject. */
    String key(String subject) {
        try {
            return prefix + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(subject.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
