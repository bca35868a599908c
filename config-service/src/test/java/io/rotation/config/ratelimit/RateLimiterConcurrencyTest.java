package io.rotation.config.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rotation.platform.ratelimit.RateLimitRule;
import io.rotation.platform.ratelimit.RateLimiter;
import io.rotation.platform.ratelimit.RateLimiter.Decision;
import io.rotation.platform.testing.RotationStack;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The Redis counter under concurrent callers: never more passes than the limit, a block outlasts the window. */
@QuarkusTest
@WithTestResource(RotationStack.class)
class RateLimiterConcurrencyTest {

    @Inject
    RateLimiter limiter;

    @Test
    void twoHundredConcurrentRequestsAgainstALimitOfFiftyPassExactlyFifty() {
        RateLimitRule rule = RateLimitRule.of(Math.abs(UUID.randomUUID().getMostSignificantBits()), "user", "*",
                "*", 50, 60, 0);
        List<Uni<Decision>> requests = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            requests.add(limiter.acquire(rule, "caller"));
        }
        List<Decision> decisions = Uni.join().all(requests).andFailFast().await().atMost(Duration.ofSeconds(30));
        assertThat(decisions.stream().filter(Decision::allowed).count()).isEqualTo(50);
        assertThat(decisions.stream().filter(Decision::allowed).map(Decision::remaining).distinct().count()).isEqualTo(50);
    }

    @Test
    void goingOverARuleWithABlockRefusesForTheWholeBlock() {
        RateLimitRule rule = RateLimitRule.of(Math.abs(UUID.randomUUID().getMostSignificantBits()), "ip", "*",
                "*", 1, 1, 120);
        assertThat(acquire(rule).allowed()).isTrue();
        Decision over = acquire(rule);
        assertThat(over.allowed()).isFalse();
        assertThat(over.resetSeconds()).isBetween(119L, 120L);
    }

    private Decision acquire(RateLimitRule rule) {
        return limiter.acquire(rule, "10.0.0.1").await().atMost(Duration.ofSeconds(10));
    }
}
