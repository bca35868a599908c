package io.rotation.identity.discogs.model;

/**
 * {@code POST /api/v1/users/me/discogs-account/authorization}: the Discogs page where the user
 * authorises this application, and the request token Discogs sends back to the callback with it.
 */
public record DiscogsAuthorization(String authorizeUrl, String oauthToken, long expiresIn) {
}
