package io.rotation.config.setting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rotation.config.setting.service.SecretBox;
import org.junit.jupiter.api.Test;

/** AES-GCM sealing of secret settings: opens with its key and setting only, a fresh nonce every time. */
class SecretBoxTest {

    private final SecretBox box = new SecretBox("a-test-key-of-at-least-thirty-two-characters");

    @Test
    void aSealedValueOpensForItsSettingAndIsNeverTheSameTwice() {
        String first = box.seal("payments.api-key", "sk-123");
        String second = box.seal("payments.api-key", "sk-123");
        assertThat(first).startsWith("v1:").doesNotContain("sk-123").isNotEqualTo(second);
        assertThat(box.open("payments.api-key", first)).isEqualTo("sk-123");
        assertThat(box.open("payments.api-key", second)).isEqualTo("sk-123");
    }

    @Test
    void aValueMovedToAnotherSettingOrOpenedWithAnotherKeyDoesNotOpen() {
        String sealed = box.seal("payments.api-key", "sk-123");
        assertThatThrownBy(() -> box.open("mail.password", sealed)).isInstanceOf(IllegalArgumentException.class);
        SecretBox other = new SecretBox("another-key-of-at-least-thirty-two-characters");
        assertThatThrownBy(() -> other.open("payments.api-key", sealed)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aShortKeyIsRefusedNamingTheProperty() {
        assertThatThrownBy(() -> new SecretBox("short")).hasMessageContaining("rotation.config.secret-key");
    }
}
