package io.rotation.catalog.record;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.rotation.catalog.discogs.dump.DumpImporter;
import io.rotation.contracts.EventType;
import io.rotation.contracts.Topics;
import io.rotation.contracts.config.RateLimitChanged;
import io.rotation.platform.ratelimit.RateLimitRules;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.TestDatabase;
import io.rotation.platform.testing.TestEvents;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * A record page tells shared caches (the gateway) they may keep it for a second; search does not; and a page a
 * rate-limit rule limits for the caller is private, so that no cache answers for the limit.
 */
@QuarkusTest
@WithTestResource(RotationStack.class)
class RecordPageCachingTest {

    @Inject
    DumpImporter importer;

    @Inject
    RateLimitRules rules;

    @Test
    void aRecordPageMayBeKeptBySharedCachesForASecondButNotASearch() throws Exception {
        long id = craftedRecord();
        given().get("/api/v1/records/" + id).then().statusCode(200).header("Cache-Control", "public, max-age=1");
        assertThat(given().get("/api/v1/records?q=with").then().statusCode(200).extract().header("Cache-Control"))
                .isNull();
        assertThat(given().get("/api/v1/records/999999999").then().statusCode(404).extract().header("Cache-Control"))
                .as("an unknown id is not cached").isNull();
    }

    @Test
    void aRuleNamingAnotherCallerLeavesThePagePublic() throws Exception {
        long id = craftedRecord();
        long rule = testRuleId();
        try (TestEvents events = new TestEvents()) {
            try {
                sendRule(events, rule, "192.0.2.1", id, false);
                await().atMost(Duration.ofSeconds(10)).until(() -> rules.anyCovers("GET", "/api/v1/records/" + id));
                assertThat(page(id).header("Cache-Control")).isEqualTo("public, max-age=1");
            } finally {
                sendRule(events, rule, "192.0.2.1", id, true);
            }
        }
    }

    @Test
    void aRecordPageARateLimitRuleCoversIsPrivateUntilTheRuleIsDeleted() throws Exception {
        long id = craftedRecord();
        long rule = testRuleId();
        try (TestEvents events = new TestEvents()) {
            try {
                sendRule(events, rule, "*", id, false);
                await().atMost(Duration.ofSeconds(10)).until(() -> page(id).header("RateLimit-Limit") != null);
                assertThat(page(id).header("Cache-Control")).isEqualTo("private");
            } finally {
                sendRule(events, rule, "*", id, true);
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> page(id).header("RateLimit-Limit") == null);
            assertThat(page(id).header("Cache-Control")).isEqualTo("public, max-age=1");
        }
    }

    private static Response page(long id) {
        return given().get("/api/v1/records/" + id);
    }

    /** An id far above config-service's own, so that no real rule is overwritten on the shared topic. */
    private static long testRuleId() {
        return Long.MAX_VALUE - ThreadLocalRandom.current().nextLong(1_000_000);
    }

    /** A per-address rule (of {@code address}, {@code *} for every caller) on the record's page, or its deletion. */
    private static void sendRule(TestEvents events, long rule, String address, long record, boolean deleted) {
        events.send(Topics.CONFIG_RATE_LIMITS, UUID.randomUUID(), EventType.RATE_LIMIT_CHANGED, String.valueOf(rule),
                new RateLimitChanged(rule, deleted, "ip", address, "GET /api/v1/records/" + record, 1_000_000, 60, 0,
                        true, Instant.now()));
    }

    private long craftedRecord() throws Exception {
        importer.importFile(Path.of(RecordPageCachingTest.class.getClassLoader()
                .getResource("discogs/dump/crafted-releases.xml").toURI()));
        return TestDatabase.count("select id from records where discogs_release_id = 990000004");
    }
}
