package io.rotation.identity.discogs.service;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.runtime.LaunchMode;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Production refuses to start without a Discogs token key; dev and test run with their defaults. */
class DiscogsTokenKeyTest {

    @Test
    void productionRequiresAKeyOfSixteenCharacters() {
        assertThatThrownBy(() -> DiscogsTokenKey.require(Optional.empty(), LaunchMode.NORMAL))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("ROTATION_DISCOGS_TOKEN_KEY");
        assertThatThrownBy(() -> DiscogsTokenKey.require(Optional.of("short"), LaunchMode.NORMAL))
                .isInstanceOf(IllegalStateException.class);
        assertThatCode(() -> DiscogsTokenKey.require(Optional.of("a-long-enough-production-key"), LaunchMode.NORMAL))
                .doesNotThrowAnyException();
        assertThatCode(() -> DiscogsTokenKey.require(Optional.empty(), LaunchMode.TEST)).doesNotThrowAnyException();
        assertThatCode(() -> DiscogsTokenKey.require(Optional.empty(), LaunchMode.DEVELOPMENT)).doesNotThrowAnyException();
    }

    @Test
    void theKeyIsNeverPrinted() {
        org.assertj.core.api.Assertions.assertThat(
                new DiscogsTokenKey(Optional.of("a-long-enough-production-key"), 2).toString())
                .doesNotContain("production");
    }
}
