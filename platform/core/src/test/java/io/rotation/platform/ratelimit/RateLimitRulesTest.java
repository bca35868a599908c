package io.rotation.platform.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RateLimitRulesTest {

    private final RateLimitRules rules = new RateLimitRules("127.0.0.1:1", "unused", true, Duration.ZERO, new ObjectMapper());

    @Test
    void aPatternWithAMethodCoversOnlyThatMethodAndItsWildcardAnyCharacters() {
        RateLimitRule rule = RateLimitRule.of(1, "user", "*", "PUT /api/v1/follows/*", 10, 60, 0);
        assertThat(rule.covers("put", "/api/v1/follows/store/7")).isTrue();
        assertThat(rule.covers("DELETE", "/api/v1/follows/store/7")).isFalse();
        assertThat(rule.covers("PUT", "/api/v1/follows")).isFalse();
        assertThat(RateLimitRule.of(2, "ip", "*", "GET /api/v1/records", 1, 1, 0).covers("GET", "/api/v1/records/5")).isFalse();
        assertThat(RateLimitRule.of(3, "global", "*", "*", 1, 1, 0).covers("PATCH", "/anything")).isTrue();
        assertThat(RateLimitRule.of(4, "ip", "*", "/api/v1/a.b", 1, 1, 0).covers("GET", "/api/v1/aXb")).isFalse();
    }

    @Test
    void aPatternIsRefusedWithoutALeadingSlashOrWithAQuery() {
        assertThat(RateLimitRule.patternProblem("GET /api/v1/records")).isNull();
        assertThat(RateLimitRule.patternProblem("*")).isNull();
        assertThat(RateLimitRule.patternProblem("records")).isNotNull();
        assertThat(RateLimitRule.patternProblem("GET /api/v1/records?q=1")).isNotNull();
        assertThat(RateLimitRule.patternProblem(" ")).isNotNull();
    }

    @Test
    void aRuleNamingTheCallerReplacesTheEveryCallerRuleOfTheSameSlotOnly() {
        rules.apply("1", rule(1, "user", "*", "POST /api/v1/plays/batch", 100, false, true));
        rules.apply("2", rule(2, "user", "42", "POST /api/v1/plays/batch", 5, false, true));
        rules.apply("3", rule(3, "ip", "*", "*", 1000, false, true));

        Map<String, String> caller42 = Map.of("user", "42", "ip", "10.0.0.1", "global", "all");
        assertThat(rules.applicable("POST", "/api/v1/plays/batch", caller42))
                .extracting(a -> a.rule().id()).containsExactlyInAnyOrder(2L, 3L);
        assertThat(rules.applicable("POST", "/api/v1/plays/batch", Map.of("user", "7", "ip", "10.0.0.1")))
                .extracting(a -> a.rule().id()).containsExactlyInAnyOrder(1L, 3L);
        assertThat(rules.applicable("POST", "/api/v1/plays/batch", Map.of("ip", "10.0.0.2")))
                .as("an anonymous caller has no user rules").extracting(a -> a.subject()).containsExactly("10.0.0.2");
        assertThat(rules.anyCovers("POST", "/api/v1/plays/batch")).isTrue();
        rules.apply("3", null);
        assertThat(rules.anyCovers("GET", "/api/v1/records")).isFalse();
    }

    @Test
    void aDeletedOrDisabledRuleIsNoLongerEnforcedAndAnUnreadableMessageChangesNothing() {
        rules.apply("1", rule(1, "global", "*", "*", 10, false, true));
        rules.apply("2", rule(2, "ip", "*", "*", 10, false, true));
        rules.apply("1", rule(1, "global", "*", "*", 10, true, true));
        rules.apply("2", rule(2, "ip", "*", "*", 10, false, false));
        assertThat(rules.current()).isEmpty();

        rules.apply("3", rule(3, "ip", "*", "*", 10, false, true));
        rules.apply("4", "{not json".getBytes(StandardCharsets.UTF_8));
        rules.apply("3", null);
        assertThat(rules.current()).isEmpty();
    }

    private static byte[] rule(long id, String type, String identifier, String pattern, int max, boolean deleted,
                               boolean enabled) {
        return ("{\"id\":" + id + ",\"deleted\":" + deleted + ",\"identifier_type\":\"" + type + "\",\"identifier\":\""
                + identifier + "\",\"endpoint_pattern\":\"" + pattern + "\",\"max_requests\":" + max
                + ",\"window_seconds\":60,\"block_seconds\":0,\"enabled\":" + enabled + "}").getBytes(StandardCharsets.UTF_8);
    }
}
