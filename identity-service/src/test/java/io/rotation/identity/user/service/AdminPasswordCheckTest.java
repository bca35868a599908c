package io.rotation.identity.user.service;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.runtime.LaunchMode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The start-up check as the production build runs it (LaunchMode.NORMAL), without booting one. */
class AdminPasswordCheckTest {

    @Test
    void refusesToStartInProductionWithTheLocalDefaultPassword() {
        var check = new AdminPasswordCheck(Optional.of("admin"), Optional.of("rotation-admin"), "production", LaunchMode.NORMAL);
        assertThatThrownBy(check::check).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("ROTATION_ADMIN_PASSWORD is too weak")
                .hasMessageContaining("ROTATION_ENVIRONMENT=local")
                .hasMessageNotContaining("rotation-admin");
    }

    @Test
    void anUnsetOrUnknownEnvironmentCountsAsProduction() {
        assertThatThrownBy(new AdminPasswordCheck(Optional.of("admin"), Optional.of("admin"), null, LaunchMode.NORMAL)::check)
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(new AdminPasswordCheck(Optional.of("admin"), Optional.of("short"), "staging", LaunchMode.NORMAL)::check)
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("'staging'");
    }

    @Test
    void acceptsTheLocalDefaultInALocalSetUp() {
        for (String environment : new String[] {"local", "LOCAL", "dev", "test"}) {
            assertThatCode(new AdminPasswordCheck(Optional.of("admin"), Optional.of("rotation-admin"), environment,
                    LaunchMode.NORMAL)::check).doesNotThrowAnyException();
        }
        assertThatCode(new AdminPasswordCheck(Optional.of("admin"), Optional.of("rotation-admin"), "production",
                LaunchMode.DEVELOPMENT)::check).doesNotThrowAnyException();
    }

    @Test
    void acceptsAStrongPasswordInProduction() {
        assertThatCode(new AdminPasswordCheck(Optional.of("admin"), Optional.of("correct horse battery staple"),
                "production", LaunchMode.NORMAL)::check).doesNotThrowAnyException();
    }

    @Test
    void checksNothingWhenNoAdminAccountIsConfigured() {
        assertThatCode(new AdminPasswordCheck(Optional.empty(), Optional.empty(), "production", LaunchMode.NORMAL)::check)
                .doesNotThrowAnyException();
    }
}
