package io.rotation.platform.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CacheRulesTest {

    private final CacheRules rules = new CacheRules("127.0.0.1:1", "unused", true, Duration.ZERO, new ObjectMapper());

    @Test
    void aPatternsStarMatchesAnyCharactersAndEverythingElseIsLiteral() {
        assertThat(CacheRule.of(1, "catalog:record:*", Duration.ofSeconds(1), null, true).matches("catalog:record:42")).isTrue();
        assertThat(CacheRule.of(1, "catalog:record:*", Duration.ofSeconds(1), null, true).matches("catalog:records:42")).isFalse();
        assertThat(CacheRule.of(1, "*:track:*", Duration.ofSeconds(1), null, true).matches("matching:track:7")).isTrue();
        assertThat(CacheRule.of(1, "a.b", Duration.ofSeconds(1), null, true).matches("aXb")).isFalse();
        assertThat(CacheRule.of(1, "exact", Duration.ofSeconds(1), null, true).matches("exact")).isTrue();
    }

    @Test
    void theMostSpecificRuleDecidesTheTtlAndWhetherToCache() {
        rules.apply("1", rule(1, "matching:*", 600, true));
        rules.apply("2", rule(2, "matching:track:*", 60, false));
        assertThat(rules.ttl("matching:record:1", Duration.ofHours(24))).isEqualTo(Duration.ofSeconds(600));
        assertThat(rules.cached("matching:record:1")).isTrue();
        assertThat(rules.cached("matching:track:1")).isFalse();
        assertThat(rules.ttl("catalog:record:1", Duration.ofHours(24))).as("no rule: the cache's own").isEqualTo(Duration.ofHours(24));
        assertThat(rules.cached("catalog:record:1")).isTrue();
    }

    @Test
    void aDeletedRuleOrATombstoneNoLongerApplies() {
        rules.apply("1", rule(1, "x:*", 5, true));
        rules.apply("2", rule(2, "y:*", 5, false));
        rules.apply("1", ("{\"id\": 1, \"deleted\": true, \"key_pattern\": \"x:*\", \"ttl_seconds\": 5, \"enabled\": true}")
                .getBytes(StandardCharsets.UTF_8));
        rules.apply("2", null);
        assertThat(rules.ruleFor("x:1")).isEmpty();
        assertThat(rules.cached("y:1")).isTrue();
    }

    private static byte[] rule(long id, String pattern, int ttl, boolean enabled) {
        return ("{\"id\": " + id + ", \"deleted\": false, \"key_pattern\": \"" + pattern + "\", \"ttl_seconds\": " + ttl
                + ", \"max_entries\": null, \"enabled\": " + enabled + "}").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void anOwnWriteIsNotUndoneByTheTopicCatchingUpButALaterChangeReplacesIt() {
        rules.applyOwnWrite("1", rule(1, "z:*", 5, true, "2026-12-02T10:00:00Z"));
        rules.applyOwnWrite("1", rule(1, "z:*", 5, false, "2026-12-02T10:00:02Z"));

        rules.apply("1", rule(1, "z:*", 5, true, "2026-12-02T10:00:00Z"));
        assertThat(rules.cached("z:1")).as("the creation, still on its way, is older than the own change").isFalse();

        rules.apply("1", rule(1, "z:*", 5, false, "2026-12-02T10:00:02Z"));
        rules.apply("1", rule(1, "z:*", 5, true, "2026-12-02T10:00:01Z"));
        assertThat(rules.cached("z:1")).as("after the echo the topic's order decides again").isTrue();
    }

    private static byte[] rule(long id, String pattern, int ttl, boolean enabled, String changedAt) {
        String message = new String(rule(id, pattern, ttl, enabled), StandardCharsets.UTF_8);
        return (message.substring(0, message.length() - 1) + ", \"changed_at\": \"" + changedAt + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
