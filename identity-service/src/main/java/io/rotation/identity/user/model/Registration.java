package io.rotation.identity.user.model;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code POST /api/v1/auth/register}. */
public record Registration(
        @NotBlank @Email @Size(max = 320) String email,
        @NotBlank @Pattern(regexp = "[A-Za-z0-9_.-]{3,32}",
                message = "must be 3 to 32 letters, digits, '_', '.' or '-'") String username,
        @NotBlank @Size(min = 8, max = 72) @BcryptPassword String password,
        @Size(max = 128) String displayName) {

    @Override
    public String toString() {
        return "Registration[username=" + username + "]";
    }
}
