package io.rotation.matching.audio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.runtime.datasource.ReactiveRedisDataSourceImpl;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rotation.matching.audio.cache.MatchCache;
import io.rotation.matching.audio.model.MatchView;
import io.rotation.matching.audio.service.MatchingSettings;
import io.rotation.matching.support.MatchFixtures;
import io.rotation.platform.cache.CacheLookups;
import io.rotation.platform.cache.CacheRules;
import io.rotation.platform.testing.RotationStack;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.RedisAPI;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The match cache's reads by outcome in rotation_cache_lookups_total{cache="matching-match"}, against the real Redis. */
@QuarkusTest
@WithTestResource(RotationStack.class)
class MatchCacheTest {

    @Inject
    ReactiveRedisDataSource redis;

    @Inject
    ObjectMapper mapper;

    @Inject
    MatchingSettings settings;

    @Inject
    CacheRules rules;

    @Inject
    Vertx vertx;

    @Test
    void aFirstReadIsAMissAndTheSecondAHit() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        MatchCache cache = new MatchCache(redis, mapper, settings, rules, registry);
        long id = MatchFixtures.newId();
        MatchView match = new MatchView(id, id, null, "youtube", "x", "https://example.org", "t", 1, 0.9,
                "auto_approved", true, "auto");
        try {
            cache.get(MatchCache.matchKey(id), MatchView.class, () -> Uni.createFrom().item(match))
                    .await().atMost(Duration.ofSeconds(10));
            assertThat(lookups(registry, "miss")).isEqualTo(1);
            assertThat(lookups(registry, "hit")).isZero();

            MatchView second = cache.get(MatchCache.matchKey(id), MatchView.class, () -> Uni.createFrom().nullItem())
                    .await().atMost(Duration.ofSeconds(10));

            assertThat(second).isEqualTo(match);
            assertThat(lookups(registry, "hit")).isEqualTo(1);
            assertThat(lookups(registry, "miss")).isEqualTo(1);
        } finally {
            cache.evict(List.of(match)).await().atMost(Duration.ofSeconds(5));
        }
    }

    @Test
    void aReadRedisCannotAnswerCountsAsDegradedNotAsAMiss() {
        Redis down = Redis.createClient(vertx, "redis://127.0.0.1:1");
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        MatchCache cache = new MatchCache(new ReactiveRedisDataSourceImpl(vertx, down, RedisAPI.api(down)), mapper,
                settings, rules, registry);
        try {
            String loaded = cache.get(MatchCache.matchKey(MatchFixtures.newId()), String.class,
                    () -> Uni.createFrom().item("from the database")).await().atMost(Duration.ofSeconds(20));

            assertThat(loaded).isEqualTo("from the database");
            assertThat(lookups(registry, "degraded")).isEqualTo(1);
            assertThat(lookups(registry, "miss") + lookups(registry, "hit")).isZero();
        } finally {
            down.close();
        }
    }

    private static double lookups(SimpleMeterRegistry registry, String result) {
        return registry.get(CacheLookups.METRIC).tag("cache", "matching-match").tag("result", result).counter().count();
    }
}
