package io.rotation.identity.user.model;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code PATCH /api/v1/users/me}: only the fields present change. An empty string clears
 * display_name, bio and avatar_url.
 */
public record ProfileUpdate(
        @Email @Size(min = 3, max = 320) String email,
        @Pattern(regexp = "[A-Za-z0-9_.-]{3,32}", message = "must be 3 to 32 letters, digits, '_', '.' or '-'")
        String username,
        @Size(max = 128) String displayName,
        @Size(max = 2000) String bio,
        @Size(max = 2048) @Pattern(regexp = "(https?://\\S+)?", message = "must be an http(s) URL") String avatarUrl,
        @Size(max = 35) @Pattern(regexp = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})*", message = "must be a language tag such as en or pt-BR")
        String locale,
        @Size(max = 64) String timezone) {

    @AssertTrue(message = "at least one field is required")
    public boolean isAnyField() {
        return email != null || username != null || displayName != null || bio != null || avatarUrl != null
                || locale != null || timezone != null;
    }

    @Override
    public String toString() {
        return "ProfileUpdate[username=" + username + "]";
    }
}
