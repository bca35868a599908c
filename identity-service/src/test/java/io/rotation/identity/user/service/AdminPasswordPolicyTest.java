package io.rotation.identity.user.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AdminPasswordPolicyTest {

    @Test
    void refusesTheLocalDefaultAndCommonPasswordsWithoutRegardToCase() {
        assertThat(AdminPasswordPolicy.weakness("admin", "rotation-admin")).isPresent();
        assertThat(AdminPasswordPolicy.weakness("root", "Rotation-Admin")).isPresent();
        assertThat(AdminPasswordPolicy.weakness("root", "PASSWORD")).isPresent();
        assertThat(AdminPasswordPolicy.weakness("root", "password1234")).hasValue("it is a well-known default or common password");
    }

    @Test
    void refusesPasswordsShorterThanTwelveCharacters() {
        assertThat(AdminPasswordPolicy.weakness("root", "Tr0ub4dor&3")).hasValue("it is shorter than 12 characters");
        assertThat(AdminPasswordPolicy.weakness("root", "Tr0ub4dor&3x")).isEmpty();
    }

    @Test
    void refusesAPasswordThatContainsTheUsername() {
        assertThat(AdminPasswordPolicy.weakness("maintainer", "maintainer")).isPresent();
        assertThat(AdminPasswordPolicy.weakness("maintainer", "MyMaintainer2026!")).hasValue("it contains the username");
    }

    @Test
    void refusesALongPasswordOfFewDifferentCharacters() {
        assertThat(AdminPasswordPolicy.weakness("root", "aaaaaaaaaaaaaaaa")).isPresent();
        assertThat(AdminPasswordPolicy.weakness("root", "abababababababab")).isPresent();
    }

    @Test
    void refusesAnEmptyPassword() {
        assertThat(AdminPasswordPolicy.weakness("root", "  ")).hasValue("it is empty");
    }

    @Test
    void acceptsALongUncommonPassphrase() {
        assertThat(AdminPasswordPolicy.weakness("admin", "correct horse battery staple")).isEmpty();
    }

    @Test
    void neverQuotesThePasswordInItsReason() {
        String password = "short1";
        assertThat(AdminPasswordPolicy.weakness("root", password).orElseThrow()).doesNotContain(password);
    }
}
