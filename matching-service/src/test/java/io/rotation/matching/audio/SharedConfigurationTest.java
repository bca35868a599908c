package io.rotation.matching.audio;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rotation.contracts.EventType;
import io.rotation.contracts.catalog.RecordUpserted;
import io.rotation.contracts.catalog.TrackUpserted;
import io.rotation.matching.audio.cache.MatchCache;
import io.rotation.matching.audio.service.MatchThresholds;
import io.rotation.matching.support.MatchFixtures;
import io.rotation.platform.cache.CacheRules;
import io.rotation.platform.settings.Settings;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.TestDatabase;
import io.rotation.platform.testing.TestEvents;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * config-service's settings and cache rules as matching applies them (delivered here as platform's Settings and
 * CacheRules receive them from their topics): the thresholds decide a match's status, a cache rule its list's TTL.
 */
@QuarkusTest
@WithTestResource(RotationStack.class)
class SharedConfigurationTest {

    @Inject
    Settings settings;

    @Inject
    CacheRules cacheRules;

    @Inject
    MatchThresholds thresholds;

    @Inject
    RedisDataSource redis;

    @Test
    void theAutoApproveThresholdSettingDecidesTheStatusAndItsPropertyAppliesWithoutIt() {
        double property = ConfigProvider.getConfig().getValue("rotation.matching.threshold.auto-approve", Double.class);
        assertThat(thresholds.autoApprove()).as("the property while no setting exists").isEqualTo(property);
        long record = MatchFixtures.newId();
        long track = MatchFixtures.newId();
        String video = ("s" + Long.toString(record, 36) + "xxxxxxxxxxx").substring(0, 11);
        try {
            settings.apply(MatchThresholds.AUTO_APPROVE, setting(MatchThresholds.AUTO_APPROVE, "0.99"));
            assertThat(thresholds.autoApprove()).isEqualTo(0.99);
            publishRelease(record, track, "https://www.youtube.com/watch?v=" + video, "Artist - Song {0.93}");
            await().atMost(Duration.ofSeconds(60)).until(() -> TestDatabase.count(
                    "select count(*) from releases where record_id = ? and considered_at is not null", record) == 1);
            assertThat(TestDatabase.rows("select status::text as status from audio_matches where track_id = ?", track))
                    .extracting(r -> r.get("status")).as("0.93: above the test property, below the setting's 0.99")
                    .containsExactly("needs_review");
        } finally {
            settings.apply(MatchThresholds.AUTO_APPROVE, null);
        }
        assertThat(thresholds.autoApprove()).isEqualTo(property);
    }

    @Test
    void aCacheRuleSetsTheServedListsTtlAndADisabledOneTurnsTheCacheOff() {
        long record = MatchFixtures.newId();
        long track = MatchFixtures.releaseWithTrack(record, "Cached");
        MatchFixtures.match(track, record, ("c" + Long.toString(track, 36) + "xxxxxxxxxxx").substring(0, 11),
                "auto_approved", 0.99);
        String key = MatchCache.trackKey(track);
        long ruleId = Long.MAX_VALUE - track % 1_000_000;
        try {
            cacheRules.apply(String.valueOf(ruleId), rule(ruleId, key, 45, true));
            given().queryParam("track_id", track).get("/api/v1/matches").then().statusCode(200);
            assertThat(redis.key().pttl(key)).isPositive().isLessThanOrEqualTo(45_000);

            redis.key().del(key);
            cacheRules.apply(String.valueOf(ruleId), rule(ruleId, key, 45, false));
            given().queryParam("track_id", track).get("/api/v1/matches").then().statusCode(200);
            assertThat(redis.key().exists(key)).as("nothing stored while the rule is off").isFalse();
        } finally {
            cacheRules.apply(String.valueOf(ruleId), null);
            redis.key().del(key);
        }
    }

    private static byte[] setting(String key, String value) {
        return ("{\"key\": \"" + key + "\", \"deleted\": false, \"setting_type\": \"number\", \"value\": \"" + value
                + "\", \"secret\": false, \"overrides\": {}}").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] rule(long id, String pattern, int ttlSeconds, boolean enabled) {
        return ("{\"id\": " + id + ", \"deleted\": false, \"key_pattern\": \"" + pattern + "\", \"ttl_seconds\": "
                + ttlSeconds + ", \"max_entries\": null, \"enabled\": " + enabled + "}").getBytes(StandardCharsets.UTF_8);
    }

    private static void publishRelease(long record, long track, String url, String title) {
        String topic = ConfigProvider.getConfig().getValue("mp.messaging.incoming.catalog-records.topic", String.class);
        Instant now = Instant.now();
        try (TestEvents events = new TestEvents()) {
            events.send(topic, UUID.randomUUID(), EventType.TRACK_UPSERTED, String.valueOf(record),
                    new TrackUpserted(track, record, null, "A1", 0, "Song", "Artist", 200, now, List.of(), false));
            events.send(topic, UUID.randomUUID(), EventType.RECORD_UPSERTED, String.valueOf(record),
                    new RecordUpserted(record, null, "Artist", "Release " + record, 1999, List.of(), List.of(),
                            List.of(track), now, List.of("Artist"), List.of(new RecordUpserted.Video(url, title, 200))));
        }
    }
}
