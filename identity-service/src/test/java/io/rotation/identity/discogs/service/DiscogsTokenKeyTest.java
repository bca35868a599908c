package io.rotation.identity.discogs.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.runtime.LaunchMode;
import java.util.Map;
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

    @Test
    void previousKeysAreVersionKeyPairsAndAKeyMayHoldEqualsSigns() {
        var keys = new DiscogsTokenKey(Optional.of("current-key-of-version-3"), 3,
                Optional.of("1=first-key==, 2 = second-key"));
        assertThat(keys.previous()).containsExactly(Map.entry(1, "first-key=="), Map.entry(2, "second-key"));
        assertThat(keys.all()).containsEntry(3, "current-key-of-version-3").hasSize(3);
        assertThat(keys.toString()).doesNotContain("key==").doesNotContain("second-key").doesNotContain("current-key");
    }

    @Test
    void malformedPreviousKeysFailWithoutQuotingAKey() {
        assertThatThrownBy(() -> DiscogsTokenKey.parsePrevious("secret-without-version", 2))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("entry 1")
                .hasMessageNotContaining("secret-without-version");
        assertThatThrownBy(() -> DiscogsTokenKey.parsePrevious("1=a,2=b", 2))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("current key's version");
        assertThatThrownBy(() -> DiscogsTokenKey.parsePrevious("1=a,1=b", 2))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("twice");
        assertThat(DiscogsTokenKey.parsePrevious("", 1)).isEmpty();
    }
}
