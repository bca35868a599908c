package io.rotation.identity.discogs.service;

import com.github.scribejava.core.builder.api.DefaultApi10a;
import com.github.scribejava.core.model.Verb;

/** Discogs' OAuth 1.0a endpoints for scribejava (HMAC-SHA1 signatures, the Authorization header). */
final class DiscogsOAuthApi extends DefaultApi10a {

    private final DiscogsOAuthConfig config;

    DiscogsOAuthApi(DiscogsOAuthConfig config) {
        this.config = config;
    }

    @Override
    public String getRequestTokenEndpoint() {
        return config.requestTokenUrl();
    }

    /** Discogs documents GET for the request token. */
    @Override
    public Verb getRequestTokenVerb() {
        return Verb.GET;
    }

    @Override
    public String getAccessTokenEndpoint() {
        return config.accessTokenUrl();
    }

    @Override
    protected String getAuthorizationBaseUrl() {
        return config.authorizeUrl();
    }
}
