package io.rotation.identity.auth.service;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Failed logins per client address (as forwarded by a trusted proxy, see
 * {@code quarkus.http.proxy.*}), whatever names they tried: one address guessing across many
 * accounts is stopped even though each account stays under its own limit. A lock refuses every
 * login from the address, good passwords included, until it ends; successes do not reset it (an
 * attacker holding one account must not be able to clear their count).
 */
@ApplicationScoped
public class AddressLoginLimiter {

    private final FailureLimit limit;

    public AddressLoginLimiter(ReactiveRedisDataSource redis,
                               @ConfigProperty(name = "rotation.login.address.max-failures") int maxFailures,
                               @ConfigProperty(name = "rotation.login.address.failure-window") Duration window,
                               @ConfigProperty(name = "rotation.login.address.lock-duration") Duration lock) {
        this.limit = new FailureLimit(redis, "identity:login-failures:address:", maxFailures, window, lock);
    }

    /** How long the address stays locked, or null. */
    public Uni<Duration> lockedFor(String address) {
        return limit.lockedFor(address);
    }

    public Uni<Void> recordFailure(String address) {
        return limit.recordFailure(address);
    }
}
