package io.rotation.identity.auth.service;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Failed logins for names that match no account, counted in Redis with the same rule as accounts
 * (so that a lock does not tell whether an account exists). Keys hold a SHA-256 of the lower-cased
 * name, never the name. If Redis is down, logins go on unlimited for unknown names (logged).
 */
@ApplicationScoped
public class UnknownLoginLimiter {

    private static final Logger LOG = Logger.getLogger(UnknownLoginLimiter.class);
    private static final String PREFIX = "identity:login-failures:";

    private final ReactiveRedisDataSource redis;
    private final int maxFailures;
    private final Duration window;
    private final Duration lock;

    public UnknownLoginLimiter(ReactiveRedisDataSource redis,
                               @ConfigProperty(name = "rotation.login.max-failures") int maxFailures,
                               @ConfigProperty(name = "rotation.login.failure-window") Duration window,
                               @ConfigProperty(name = "rotation.login.lock-duration") Duration lock) {
        this.redis = redis;
        this.maxFailures = maxFailures;
        this.window = window;
        this.lock = lock;
    }

    /** How long the name stays locked, or null. */
    public Uni<Duration> lockedFor(String login) {
        String key = key(login);
        return redis.value(Long.class).get(key).chain(count -> count == null || count < maxFailures
                        ? Uni.createFrom().<Duration>nullItem()
                        : redis.key().pttl(key).map(ms -> ms > 0 ? Duration.ofMillis(ms) : null))
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("login limiter unavailable: %s", e.getMessage());
                    return null;
                });
    }

    /** Counts a failure: the first starts the window, the max-th locks the name for the lock time. */
    public Uni<Void> recordFailure(String login) {
        String key = key(login);
        return redis.value(Long.class).incr(key)
                .chain(count -> count == 1 ? redis.key().pexpire(key, window).replaceWithVoid()
                        : count == maxFailures ? redis.key().pexpire(key, lock).replaceWithVoid()
                        : Uni.createFrom().voidItem())
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("login limiter unavailable: %s", e.getMessage());
                    return null;
                });
    }

    /** The Redis key of a login name. */
    static String key(String login) {
        try {
            return PREFIX + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(login.trim().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
