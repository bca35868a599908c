package io.rotation.platform.flags;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.apache.commons.codec.digest.MurmurHash3;
import org.junit.jupiter.api.Test;

/**
 * The parts of Unleash's specification beyond the bundled suites: the other operators, semver,
 * segments, strategy variants, dependencies, RE2 regexes, CIDR and UTF-8 names.
 */
class UnleashSemanticsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void bucketsAreMurmurOfGroupAndIdentifierUnsignedModuloHundredPlusOne() {
        byte[] bytes = "group:user-1".getBytes(StandardCharsets.UTF_8);
        long unsigned = Integer.toUnsignedLong(MurmurHash3.hash32x86(bytes, 0, bytes.length, 0));
        assertThat(StickinessHash.bucket("user-1", "group")).isEqualTo((int) (unsigned % 100) + 1);
        // a value whose signed hash is negative lands where the unsigned reading puts it
        for (int i = 0; i < 1000; i++) {
            int bucket = StickinessHash.bucket("u" + i, "g");
            assertThat(bucket).isBetween(1, 100);
        }
    }

    @Test
    void constraintOperatorsFollowUnleash() {
        FlagSet flags = flags("""
                {"features": [
                  %s, %s, %s, %s, %s, %s
                ]}""".formatted(
                feature("num", constraint("n", "NUM_GTE", "\"value\": \"2.5\"")),
                feature("date", constraint("currentTime", "DATE_BEFORE", "\"value\": \"2030-01-01T00:00:00+01:00\"")),
                feature("semver", constraint("version", "SEMVER_LTE", "\"value\": \"2.0.0-rc.1\"")),
                feature("in-ci", constraint("plan", "IN", "\"values\": [\"Pro\"], \"caseInsensitive\": true")),
                feature("notin-inv", constraint("plan", "NOT_IN", "\"values\": [\"pro\"], \"inverted\": true")),
                feature("ends", constraint("email", "STR_ENDS_WITH", "\"values\": [\"@x.io\"], \"inverted\": true"))));
        assertThat(flags.isEnabled("num", props(Map.of("n", "2.5")))).isTrue();
        assertThat(flags.isEnabled("num", props(Map.of("n", "2.49")))).isFalse();
        assertThat(flags.isEnabled("num", props(Map.of("n", "abc")))).isFalse();
        assertThat(flags.isEnabled("date", ctx("2029-12-31T23:30:00Z"))).isFalse(); // = 00:30 +01:00, after
        assertThat(flags.isEnabled("date", ctx("2029-12-31T22:59:59Z"))).isTrue();
        assertThat(flags.isEnabled("date", UnleashContext.EMPTY)).as("currentTime defaults to now").isTrue();
        assertThat(flags.isEnabled("semver", props(Map.of("version", "2.0.0-beta.9")))).isTrue();
        assertThat(flags.isEnabled("semver", props(Map.of("version", "2.0.0-rc.1+build.5")))).isTrue();
        assertThat(flags.isEnabled("semver", props(Map.of("version", "2.0.0")))).isFalse();
        assertThat(flags.isEnabled("semver", props(Map.of("version", "v1.0.0")))).isFalse();
        assertThat(flags.isEnabled("in-ci", props(Map.of("plan", "PRO")))).isTrue();
        assertThat(flags.isEnabled("notin-inv", props(Map.of("plan", "pro")))).isTrue();
        assertThat(flags.isEnabled("notin-inv", UnleashContext.EMPTY)).isFalse();
        assertThat(flags.isEnabled("ends", props(Map.of("email", "a@y.io")))).isTrue();
        assertThat(flags.isEnabled("ends", UnleashContext.EMPTY)).as("inverted, missing field").isTrue();
    }

    @Test
    void regexIsRe2FoundAnywhereAndRefusesWhatRe2Cannot() {
        FlagSet flags = flags("""
                {"features": [%s, %s, %s, %s]}""".formatted(
                feature("posix", constraint("userId", "REGEX", "\"value\": \"^[[:alpha:]]+$\"")),
                feature("word", constraint("userId", "REGEX", "\"value\": \"\\\\bcat\\\\b\"")),
                feature("ci", constraint("userId", "REGEX", "\"value\": \"^abc$\", \"caseInsensitive\": true")),
                feature("backref", constraint("userId", "REGEX", "\"value\": \"^(a)\\\\1$\""))));
        assertThat(flags.isEnabled("posix", UnleashContext.ofUser("Alpha"))).isTrue();
        assertThat(flags.isEnabled("posix", UnleashContext.ofUser("Alpha1"))).isFalse();
        assertThat(flags.isEnabled("word", UnleashContext.ofUser("a cat b"))).isTrue();
        assertThat(flags.isEnabled("word", UnleashContext.ofUser("concatenate"))).isFalse();
        assertThat(flags.isEnabled("ci", UnleashContext.ofUser("AbC"))).isTrue();
        assertThat(flags.isEnabled("backref", UnleashContext.ofUser("aa"))).isFalse();
    }

    @Test
    void cidrConstraintsAndTheRemoteAddressStrategyMatchRangesOfBothFamilies() {
        FlagSet flags = flags("""
                {"features": [%s,
                  {"name": "office", "enabled": true,
                   "strategies": [{"name": "remoteAddress", "parameters": {"IPs": "10.1.0.0/16, 2001:db8::/32, 192.0.2.7"}}]}
                ]}""".formatted(feature("cidr", constraint("remoteAddress", "IN_CIDR",
                "\"values\": [\"bad\", \"160.33.0.0/16\", \"2001:db8::1\"]"))));
        assertThat(flags.isEnabled("cidr", remote("160.33.4.5"))).isTrue();
        assertThat(flags.isEnabled("cidr", remote("160.34.0.1"))).isFalse();
        assertThat(flags.isEnabled("cidr", remote("2001:db8::1"))).isTrue();
        assertThat(flags.isEnabled("cidr", remote("2001:db8::2"))).isFalse();
        assertThat(flags.isEnabled("cidr", remote("not-an-ip.example"))).isFalse();
        assertThat(flags.isEnabled("office", remote("10.1.200.3"))).isTrue();
        assertThat(flags.isEnabled("office", remote("2001:db8:5::9"))).isTrue();
        assertThat(flags.isEnabled("office", remote("192.0.2.7"))).isTrue();
        assertThat(flags.isEnabled("office", remote("192.0.2.8"))).isFalse();
    }

    @Test
    void segmentsAddTheirConstraintsAndAMissingSegmentTurnsTheStrategyOff() {
        FlagSet flags = flags("""
                {"segments": [{"id": 1, "constraints": [%s]}],
                 "features": [
                   {"name": "seg", "enabled": true, "strategies": [{"name": "default", "segments": [1]}]},
                   {"name": "missing", "enabled": true, "strategies": [{"name": "default", "segments": [2]}]}
                 ]}""".formatted(constraint("country", "IN", "\"values\": [\"GB\"]")));
        assertThat(flags.isEnabled("seg", props(Map.of("country", "GB")))).isTrue();
        assertThat(flags.isEnabled("seg", props(Map.of("country", "FR")))).isFalse();
        assertThat(flags.isEnabled("missing", props(Map.of("country", "GB")))).isFalse();
    }

    @Test
    void strategyVariantsWinOverFeatureVariantsAndOverridesWinOverWeights() {
        FlagSet flags = flags("""
                {"features": [
                  {"name": "sv", "enabled": true,
                   "strategies": [{"name": "flexibleRollout", "parameters": {"rollout": "100", "groupId": "g"},
                                   "variants": [{"name": "from-strategy", "weight": 1000}]}],
                   "variants": [{"name": "from-feature", "weight": 1000}]},
                  {"name": "ov", "enabled": true, "strategies": [],
                   "variants": [{"name": "a", "weight": 1000},
                                {"name": "b", "weight": 0, "overrides": [{"contextName": "userId", "values": ["7"]}]}]}
                ]}""");
        assertThat(flags.evaluate("sv", UnleashContext.ofUser("1")).variant().name()).isEqualTo("from-strategy");
        assertThat(flags.evaluate("ov", UnleashContext.ofUser("7")).variant().name()).isEqualTo("b");
        assertThat(flags.evaluate("ov", UnleashContext.ofUser("8")).variant().name()).isEqualTo("a");
    }

    @Test
    void dependentFeaturesNeedTheirParentOnlyOneLevelDeep() {
        FlagSet flags = flags("""
                {"features": [
                  {"name": "parent", "enabled": true, "strategies": [{"name": "default"}]},
                  {"name": "off", "enabled": false, "strategies": [{"name": "default"}]},
                  {"name": "child", "enabled": true, "dependencies": [{"feature": "parent"}]},
                  {"name": "wants-off", "enabled": true, "dependencies": [{"feature": "off", "enabled": false}]},
                  {"name": "grandchild", "enabled": true, "dependencies": [{"feature": "child"}]},
                  {"name": "orphan", "enabled": true, "dependencies": [{"feature": "nobody"}]}
                ]}""");
        assertThat(flags.isEnabled("child", UnleashContext.EMPTY)).isTrue();
        assertThat(flags.isEnabled("wants-off", UnleashContext.EMPTY)).isTrue();
        assertThat(flags.isEnabled("grandchild", UnleashContext.EMPTY)).isFalse();
        assertThat(flags.isEnabled("orphan", UnleashContext.EMPTY)).isFalse();
    }

    @Test
    void utf8NamesAndStickinessWork() {
        FlagSet flags = flags("""
                {"features": [{"name": "Feature.UTF-8.😊_φ_你好", "enabled": true, "strategies": [{"name": "default"}]},
                  {"name": "half", "enabled": true, "strategies": [
                    {"name": "flexibleRollout", "parameters": {"rollout": "50", "stickiness": "userId", "groupId": "half"}}]}]}""");
        assertThat(flags.isEnabled("Feature.UTF-8.😊_φ_你好", UnleashContext.EMPTY)).isTrue();
        for (String user : new String[] {"ø", "你好", "😊", "plain"}) {
            assertThat(flags.isEnabled("half", UnleashContext.ofUser(user)))
                    .isEqualTo(StickinessHash.bucket(user, "half") <= 50);
        }
        assertThat(flags.isEnabled("half", UnleashContext.EMPTY)).as("userId stickiness, no user").isFalse();
    }

    private static FlagSet flags(String json) {
        try {
            return FlagSet.of(JSON.readTree(json));
        } catch (Exception e) {
            throw new IllegalArgumentException(json, e);
        }
    }

    private static String feature(String name, String constraint) {
        return """
                {"name": "%s", "enabled": true, "strategies": [{"name": "default", "constraints": [%s]}]}"""
                .formatted(name, constraint);
    }

    private static String constraint(String field, String operator, String rest) {
        return "{\"contextName\": \"%s\", \"operator\": \"%s\", %s}".formatted(field, operator, rest);
    }

    private static UnleashContext props(Map<String, String> properties) {
        return UnleashContext.EMPTY.withProperties(properties);
    }

    private static UnleashContext ctx(String currentTime) {
        return new UnleashContext(null, null, null, null, null, currentTime, Map.of());
    }

    private static UnleashContext remote(String address) {
        return new UnleashContext(null, null, address, null, null, null, Map.of());
    }
}
