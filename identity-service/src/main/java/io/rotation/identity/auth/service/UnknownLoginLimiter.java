package io.rotation.identity.auth.service;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Failed logins for names that match no account, counted in Redis with the same rule as accounts
 * (so that a lock does not tell whether an account exists).
 */
@ApplicationScoped
public class UnknownLoginLimiter {

    private final FailureLimit limit;

    public UnknownLoginLimiter(ReactiveRedisDataSource redis,
                               @ConfigProperty(name = "rotation.login.max-failures") int maxFailures,
                               @ConfigProperty(name = "rotation.login.failure-window") Duration window,
                               @ConfigProperty(name = "rotation.login.lock-duration") Duration lock) {
        this.limit = new FailureLimit(redis, "identity:login-failures:", maxFailures, window, lock);
    }

    /** How long the name stays locked, or null. */
    public Uni<Duration> lockedFor(String login) {
        return limit.lockedFor(login);
    }

    public Uni<Void> recordFailure(String login) {
        return limit.recordFailure(login);
    }
}
