package io.rotation.identity.discogs.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code PUT /api/v1/users/me/discogs-token}. {@link #toString()} never shows the token or the
 * secret, so neither reaches a log line through this record.
 */
public record DiscogsTokenRequest(
        @NotBlank @Size(max = 512) String token,
        @Size(min = 1, max = 512) String tokenSecret,
        @Pattern(regexp = "[A-Za-z0-9_.-]{1,64}", message = "must be a Discogs username") String username) {

    @Override
    public String toString() {
        return "DiscogsTokenRequest[token=***, tokenSecret=" + (tokenSecret == null ? "none" : "***")
                + ", username=" + username + "]";
    }
}
