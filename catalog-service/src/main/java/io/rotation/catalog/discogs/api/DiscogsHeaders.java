package io.rotation.catalog.discogs.api;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Adds Discogs' identification to every request: the User-Agent Discogs asks for and, when
 * configured and the request brings none of its own (a store's token), {@code Authorization:
 * Discogs token=…}. toString never shows the token.
 */
final class DiscogsHeaders implements ClientRequestFilter {

    private final String userAgent;
    private final String authorization;

    DiscogsHeaders(String userAgent, String token) {
        this.userAgent = userAgent;
        this.authorization = token == null || token.isBlank() ? null : "Discogs token=" + token.strip();
    }

    @Override
    public void filter(ClientRequestContext request) {
        request.getHeaders().putSingle(HttpHeaders.USER_AGENT, userAgent);
        if (authorization != null && request.getHeaderString(HttpHeaders.AUTHORIZATION) == null) {
            request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, authorization);
        }
    }

    @Override
    public String toString() {
        return "DiscogsHeaders[user-agent=" + userAgent + ", token " + (authorization == null ? "absent" : "set")
                + "]";
    }
}
