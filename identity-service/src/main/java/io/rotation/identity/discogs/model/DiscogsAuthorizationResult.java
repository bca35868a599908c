package io.rotation.identity.discogs.model;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/**
 * {@code POST /api/v1/users/me/discogs-account/authorization/complete}: what Discogs appended to
 * the callback URL. toString shows neither (the verifier is a one-time secret).
 */
public record DiscogsAuthorizationResult(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9_.~-]{1,128}", message = "must be the oauth_token Discogs returned")
        String oauthToken,
        @NotBlank @Pattern(regexp = "[A-Za-z0-9_.~-]{1,128}", message = "must be the oauth_verifier Discogs returned")
        String oauthVerifier) {

    @Override
    public String toString() {
        return "DiscogsAuthorizationResult[redacted]";
    }
}
