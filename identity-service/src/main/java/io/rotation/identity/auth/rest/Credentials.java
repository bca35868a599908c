package io.rotation.identity.auth.rest;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /api/v1/auth/login}: a username or an e-mail, and the password. */
public record Credentials(@Size(max = 320) String username, @Size(max = 320) String email,
                          @NotBlank @Size(max = 128) String password) {

    @AssertTrue(message = "username or email is required")
    public boolean isUsernameOrEmail() {
        return login() != null;
    }

    public String login() {
        if (username != null && !username.isBlank()) {
            return username;
        }
        return email != null && !email.isBlank() ? email : null;
    }

    @Override
    public String toString() {
        return "Credentials[login=" + login() + "]";
    }
}
