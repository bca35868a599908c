package io.rotation.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.net.URL;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The platform's shared configuration as a service reads it at start-up, per profile: outside dev and
 * test, no database password means no start, and the error names {@code rotation.db.password}.
 */
class DatabaseLoginTest {

    @Test
    void aProductionServiceWithoutADatabasePasswordRefusesToStartNamingTheProperty() {
        assertThatThrownBy(() -> read("prod", Map.of()))
                .hasMessageContaining("rotation.db.password");
    }

    @Test
    void anEmptyPasswordCountsAsNone() {
        assertThatThrownBy(() -> read("prod", Map.of("rotation.db.password", "")))
                .hasMessageContaining("rotation.db.password");
    }

    @Test
    void aProductionServiceLogsInWithThePasswordItIsGiven() throws IOException {
        SmallRyeConfig config = read("prod", Map.of("rotation.db.password", "from-the-secret"));
        assertThat(config.getConfigMapping(DatabaseLogin.class).password()).isEqualTo("from-the-secret");
        assertThat(config.getValue("quarkus.datasource.password", String.class)).isEqualTo("from-the-secret");
        assertThat(config.getValue("quarkus.datasource.username", String.class)).isEqualTo("user_features_svc");
    }

    @Test
    void onlyDevAndTestFallBackToTheLocalBootstrapsPassword() throws IOException {
        for (String profile : new String[] {"dev", "test"}) {
            SmallRyeConfig config = read(profile, Map.of());
            assertThat(config.getConfigMapping(DatabaseLogin.class).password()).isEqualTo("user_features_svc");
            assertThat(config.getValue("quarkus.datasource.password", String.class)).isEqualTo("user_features_svc");
        }
        assertThat(read("test", Map.of("rotation.db.password", "given")).getConfigMapping(DatabaseLogin.class)
                .password()).isEqualTo("given");
    }

    /** The platform's defaults under a service's own settings (its schema) and the given overrides. */
    private static SmallRyeConfig read(String profile, Map<String, String> overrides) throws IOException {
        URL defaults = DatabaseLogin.class.getClassLoader().getResource("META-INF/microprofile-config.properties");
        assertThat(defaults).as("platform's shared config").isNotNull();
        Map<String, String> service = new HashMap<>(Map.of("rotation.db.schema", "user_features"));
        service.putAll(overrides);
        return new SmallRyeConfigBuilder()
                .withProfile(profile)
                .addDefaultInterceptors()
                .withSources(new PropertiesConfigSource(defaults, 100))
                .withSources(new PropertiesConfigSource(service, "service", 300))
                .withMapping(DatabaseLogin.class)
                .build();
    }
}
