package io.rotation.catalog.record;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.runtime.datasource.ReactiveRedisDataSourceImpl;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rotation.catalog.discogs.dump.DumpImporter;
import io.rotation.catalog.record.cache.RecordCache;
import io.rotation.platform.cache.CacheLookups;
import io.rotation.platform.cache.CacheRules;
import io.rotation.platform.health.DegradedPath;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.TestDatabase;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.RedisAPI;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** GET /api/v1/records/{id} reads through the Redis record cache; changes evict it; Redis down is only slower. */
@QuarkusTest
@WithTestResource(RotationStack.class)
class RecordCacheTest {

    @Inject
    DumpImporter importer;

    @Inject
    RecordCache cache;

    @Inject
    RedisDataSource redis;

    @Inject
    ReactiveRedisDataSource reactiveRedis;

    @Inject
    CacheRules rules;

    @Inject
    Vertx vertx;

    @Test
    void theSecondReadIsServedFromRedisUntilTheRecordIsEvicted() throws Exception {
        long id = importCrafted();
        given().get("/api/v1/records/" + id).then().statusCode(200).body("title", equalTo("With Headings"));
        assertThat(redis.value(String.class).get(RecordCache.key(id))).contains("\"title\":\"With Headings\"");

        // changed behind the cache's back: the cached page is still served
        TestDatabase.update("update records set title = 'Changed Behind The Cache' where id = ?", id);
        given().get("/api/v1/records/" + id).then().statusCode(200).body("title", equalTo("With Headings"));

        cache.evict(id).await().atMost(Duration.ofSeconds(5));
        assertThat(redis.key().exists(RecordCache.key(id))).isFalse();
        given().get("/api/v1/records/" + id).then().statusCode(200)
                .body("title", equalTo("Changed Behind The Cache"));
    }

    @Test
    void aCachedPageIsServedAsTheSameUtf8JsonAsTheFirstRead() throws Exception {
        String title = "Café Ñandú – Björk Ø 東京";
        importer.importFile(TestDumps.oneRelease(releaseId, "Sigur Rós", title));
        Thread.sleep(700);
        long id = TestDatabase.count("select id from records where discogs_release_id = ?", releaseId);

        var miss = given().get("/api/v1/records/" + id).then().statusCode(200).contentType("application/json")
                .body("title", equalTo(title)).body("artist", equalTo("Sigur Rós")).extract();
        assertThat(redis.key().exists(RecordCache.key(id))).isTrue();
        var hit = given().get("/api/v1/records/" + id).then().statusCode(200).contentType("application/json")
                .body("title", equalTo(title)).extract();
        assertThat(hit.asByteArray()).isEqualTo(miss.asByteArray());
        assertThat(new String(hit.asByteArray(), StandardCharsets.UTF_8)).contains(title);
    }

    @Test
    void pagesAreCachedWithTheConfiguredTtl() throws Exception {
        long id = importCrafted();
        given().get("/api/v1/records/" + id).then().statusCode(200);
        long ttlMs = redis.key().pttl(RecordCache.key(id));
        assertThat(cache.ttl(id)).isEqualTo(Duration.ofHours(24));
        assertThat(ttlMs).isPositive().isLessThanOrEqualTo(Duration.ofHours(24).toMillis())
                .isGreaterThan(Duration.ofHours(23).toMillis());
    }

    @Test
    void aCacheRuleForThePageSetsItsTtlAndADisabledRuleTurnsItsCacheOff() throws Exception {
        long id = importCrafted();
        long ruleId = Long.MAX_VALUE - id; // a rule id of this test's own, for this record's key only
        try {
            rules.apply(String.valueOf(ruleId), rule(ruleId, RecordCache.key(id), 90, true));
            given().get("/api/v1/records/" + id).then().statusCode(200);
            assertThat(redis.key().pttl(RecordCache.key(id))).isPositive().isLessThanOrEqualTo(90_000);
            assertThat(cache.ttl(id)).isEqualTo(Duration.ofSeconds(90));

            cache.evict(id).await().atMost(Duration.ofSeconds(5));
            rules.apply(String.valueOf(ruleId), rule(ruleId, RecordCache.key(id), 90, false));
            given().get("/api/v1/records/" + id).then().statusCode(200);
            assertThat(redis.key().exists(RecordCache.key(id))).as("nothing stored while the rule is off").isFalse();
            redis.value(String.class).set(RecordCache.key(id), "{\"title\":\"Not Read\"}");
            given().get("/api/v1/records/" + id).then().statusCode(200).body("title", equalTo("With Headings"));
        } finally {
            rules.apply(String.valueOf(ruleId), null);
            cache.evict(id).await().atMost(Duration.ofSeconds(5));
        }
    }

    private static byte[] rule(long id, String pattern, int ttlSeconds, boolean enabled) {
        return ("{\"id\": " + id + ", \"deleted\": false, \"key_pattern\": \"" + pattern + "\", \"ttl_seconds\": "
                + ttlSeconds + ", \"max_entries\": null, \"enabled\": " + enabled + "}").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aReimportEvictsTheRecordsItUpserted() throws Exception {
        long id = importCrafted();
        given().get("/api/v1/records/" + id).then().statusCode(200);
        TestDatabase.update("update records set title = 'Edited Elsewhere' where id = ?", id);
        // a read that fills the cache with the edited row (evicts first so the page is the edited one)
        cache.evict(id).await().atMost(Duration.ofSeconds(5));
        given().get("/api/v1/records/" + id).then().body("title", equalTo("Edited Elsewhere"));

        importCrafted(); // writes the dump's title back and evicts the page after the commit

        assertThat(redis.key().exists(RecordCache.key(id))).isFalse();
        given().get("/api/v1/records/" + id).then().statusCode(200).body("title", equalTo("With Headings"));
    }

    @Test
    void aPageStoredRightAfterAnEvictionByASlowReadIsEvictedAgain() throws Exception {
        long id = importCrafted();
        cache.evict(id).await().atMost(Duration.ofSeconds(5));
        // a read that loaded the row before the write committed stores its old page after the eviction
        redis.value(String.class).set(RecordCache.key(id), "{\"title\":\"Old Page\"}");

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (redis.key().exists(RecordCache.key(id)) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(redis.key().exists(RecordCache.key(id))).isFalse();
        given().get("/api/v1/records/" + id).then().statusCode(200).body("title", equalTo("With Headings"));
    }

    @Test
    void unknownRecordsAreNotCached() {
        long unknown = Long.MAX_VALUE - 7;
        given().get("/api/v1/records/" + unknown).then().statusCode(404);
        assertThat(redis.key().exists(RecordCache.key(unknown))).isFalse();
    }

    @Test
    void anUnreachableRedisFallsBackToTheDatabaseCountsEachFallbackAndEvictionsDoNotFail() {
        Redis down = Redis.createClient(vertx, "redis://127.0.0.1:1");
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        RecordCache unreachable = new RecordCache(new ReactiveRedisDataSourceImpl(vertx, down, RedisAPI.api(down)), rules,
                Duration.ofHours(24), Duration.ofMillis(500), Duration.ofMillis(100), registry);
        AtomicInteger loads = new AtomicInteger();

        byte[] first = unreachable.get(42, () -> Uni.createFrom().item(() -> page("page " + loads.incrementAndGet())))
                .await().atMost(Duration.ofSeconds(10));
        byte[] second = unreachable.get(42, () -> Uni.createFrom().item(() -> page("page " + loads.incrementAndGet())))
                .await().atMost(Duration.ofSeconds(10));

        assertThat(first).isEqualTo(page("page 1"));
        assertThat(second).isEqualTo(page("page 2"));
        unreachable.evict(List.of(42L, 43L)).await().atMost(Duration.ofSeconds(10));
        assertThat(registry.counter(DegradedPath.METRIC, "path", "record-cache.read").count()).isEqualTo(2);
        assertThat(registry.counter(DegradedPath.METRIC, "path", "record-cache.store").count()).isEqualTo(2);
        assertThat(registry.counter(DegradedPath.METRIC, "path", "record-cache.evict").count())
                .as("the eviction, and maybe already its repetition").isPositive();
        assertThat(lookups(registry, "degraded")).isEqualTo(2);
        assertThat(lookups(registry, "hit") + lookups(registry, "miss")).isZero();
        down.close();
    }

    @Test
    void readsAreCountedAsAMissThenAHitOnTheSecondRead() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        RecordCache counted = new RecordCache(reactiveRedis, rules, Duration.ofMinutes(1), Duration.ofSeconds(1),
                Duration.ofMillis(100), registry);
        long id = Long.MAX_VALUE - releaseId; // a key of this test's own
        try {
            assertThat(lookups(registry, "hit")).as("registered before the first read").isZero();

            counted.get(id, () -> Uni.createFrom().item(page("page"))).await().atMost(Duration.ofSeconds(10));
            assertThat(lookups(registry, "miss")).isEqualTo(1);
            assertThat(lookups(registry, "hit")).isZero();

            byte[] second = counted.get(id, () -> Uni.createFrom().item(page("loaded again")))
                    .await().atMost(Duration.ofSeconds(10));
            assertThat(second).isEqualTo(page("page"));
            assertThat(lookups(registry, "hit")).isEqualTo(1);
            assertThat(lookups(registry, "miss")).isEqualTo(1);
            assertThat(lookups(registry, "degraded")).isZero();
        } finally {
            counted.evict(id).await().atMost(Duration.ofSeconds(5));
        }
    }

    private static byte[] page(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static double lookups(SimpleMeterRegistry registry, String result) {
        return registry.get(CacheLookups.METRIC).tag("cache", "catalog-record").tag("result", result).counter().count();
    }

    private final long releaseId = TestDumps.freshReleaseId();

    /**
     * Imports (again) this test's own release, titled "With Headings": no other test touches it. Returns
     * once the import's repeated eviction (300 ms later in tests) is past, so that it does not empty the
     * cache in the middle of a test.
     */
    private long importCrafted() throws Exception {
        importer.importFile(TestDumps.oneRelease(releaseId, "Cache Tester", "With Headings"));
        Thread.sleep(700);
        return TestDatabase.count("select id from records where discogs_release_id = ?", releaseId);
    }
}
