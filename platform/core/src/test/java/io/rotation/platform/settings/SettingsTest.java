package io.rotation.platform.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SettingsTest {

    private final Settings staging = new Settings("127.0.0.1:1", "staging", "unused", true, Duration.ZERO, new ObjectMapper());

    @Test
    void theEnvironmentsOverrideAppliesElseTheValueElseTheFallback() {
        staging.apply("a", message("a", "number", "\"0.5\"", false, false, "{\"staging\": \"0.8\", \"production\": \"0.1\"}"));
        staging.apply("b", message("b", "number", "\"0.5\"", false, false, "{\"production\": \"0.1\"}"));
        assertThat(staging.number("a", 0)).isEqualTo(0.8);
        assertThat(staging.number("b", 0)).isEqualTo(0.5);
        assertThat(staging.number("c", 0.3)).isEqualTo(0.3);
    }

    @Test
    void aDeletedOrSecretSettingAnswersTheFallbackAndATombstoneRemovesIt() {
        staging.apply("a", message("a", "string", "\"x\"", false, false, "{}"));
        assertThat(staging.text("a", "fallback")).isEqualTo("x");
        staging.apply("a", message("a", "string", "null", false, true, "{}"));
        assertThat(staging.text("a")).isEmpty();
        staging.apply("b", message("b", "string", "\"y\"", false, false, "{}"));
        staging.apply("b", message("b", "string", "null", true, false, "{}"));
        assertThat(staging.text("b", "fallback")).isEqualTo("fallback");
        staging.apply("c", message("c", "boolean", "\"true\"", false, false, "{}"));
        staging.apply("c", null);
        assertThat(staging.flag("c", false)).isFalse();
    }

    @Test
    void aValueNotOfTheTypeAskedForAnswersTheFallback() {
        staging.apply("n", message("n", "number", "\"2.5\"", false, false, "{}"));
        staging.apply("s", message("s", "string", "\"yes\"", false, false, "{}"));
        assertThat(staging.whole("n", 7)).as("a fraction is not whole").isEqualTo(7);
        assertThat(staging.number("s", 1.5)).isEqualTo(1.5);
        assertThat(staging.flag("s", true)).isTrue();
        staging.apply("w", message("w", "number", "\"1e3\"", false, false, "{}"));
        assertThat(staging.whole("w", 0)).isEqualTo(1000);
        staging.apply("bad", "not json".getBytes(StandardCharsets.UTF_8));
        assertThat(staging.number("n", 0)).as("an unreadable message changes nothing").isEqualTo(2.5);
    }

    @Test
    void aLocalSetUpTakesTheDevelopmentProfile() {
        assertThat(Settings.profileEnvironment("local")).isEqualTo("development");
        assertThat(Settings.profileEnvironment("dev")).isEqualTo("development");
        assertThat(Settings.profileEnvironment("production")).isEqualTo("production");
        assertThat(new Settings("127.0.0.1:1", "local", "unused", true, Duration.ZERO, new ObjectMapper()).environment())
                .isEqualTo("development");
    }

    private static byte[] message(String key, String type, String value, boolean deleted, boolean secret, String overrides) {
        return ("{\"key\": \"" + key + "\", \"deleted\": " + deleted + ", \"setting_type\": \"" + type + "\", \"value\": "
                + value + ", \"secret\": " + secret + ", \"overrides\": " + overrides + "}").getBytes(StandardCharsets.UTF_8);
    }
}
