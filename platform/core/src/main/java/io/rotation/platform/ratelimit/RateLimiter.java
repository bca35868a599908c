package io.rotation.platform.ratelimit;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Counts a caller's requests against a rule in Redis, in one Lua script per request so that replicas
 * counting the same caller never race (no read-then-write): a fixed window that starts with the
 * caller's first request and lasts {@code windowSeconds}; the request that goes over the limit may
 * also start a block of {@code blockSeconds}, during which every request is refused.
 */
@ApplicationScoped
public class RateLimiter {

    static final String PREFIX = "rotation:rate-limit:";

    /** KEYS: window counter, block marker. ARGV: window ms, limit, block ms. Returns {count or -1, ms until reset}. */
    private static final String SCRIPT = """
            local blocked = redis.call('PTTL', KEYS[2])
            if blocked > 0 then return {-1, blocked} end
            local count = redis.call('INCR', KEYS[1])
            local ttl = redis.call('PTTL', KEYS[1])
            if ttl < 0 then
              redis.call('PEXPIRE', KEYS[1], ARGV[1])
              ttl = tonumber(ARGV[1])
            end
            if count > tonumber(ARGV[2]) and tonumber(ARGV[3]) > ttl then
              redis.call('SET', KEYS[2], '1', 'PX', ARGV[3])
              return {-1, tonumber(ARGV[3])}
            end
            return {count, ttl}""";

    private final ReactiveRedisDataSource redis;

    public RateLimiter(ReactiveRedisDataSource redis) {
        this.redis = redis;
    }

    /** Counts one request of {@code subject} against {@code rule} and says whether it may pass. */
    public Uni<Decision> acquire(RateLimitRule rule, String subject) {
        String key = PREFIX + rule.id() + ":" + subject;
        return redis.execute("EVAL", SCRIPT, "2", key, key + ":blocked",
                        String.valueOf(rule.windowSeconds() * 1000L), String.valueOf(rule.maxRequests()),
                        String.valueOf(rule.blockSeconds() * 1000L))
                .map(reply -> decision(rule, reply));
    }

    private static Decision decision(RateLimitRule rule, Response reply) {
        long count = reply.get(0).toLong();
        long resetMillis = Math.max(0, reply.get(1).toLong());
        long resetSeconds = Math.max(1, (resetMillis + 999) / 1000);
        boolean allowed = count >= 0 && count <= rule.maxRequests();
        long remaining = allowed ? rule.maxRequests() - count : 0;
        return new Decision(rule, allowed, remaining, resetSeconds);
    }

    /** One rule's verdict: whether the request passes, what is left of the window, seconds until it resets. */
    public record Decision(RateLimitRule rule, boolean allowed, long remaining, long resetSeconds) {
    }
}
