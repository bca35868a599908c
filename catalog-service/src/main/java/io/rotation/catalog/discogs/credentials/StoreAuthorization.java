package io.rotation.catalog.discogs.credentials;

import com.github.scribejava.core.builder.ServiceBuilder;
import com.github.scribejava.core.builder.api.DefaultApi10a;
import com.github.scribejava.core.model.OAuth1AccessToken;
import com.github.scribejava.core.model.OAuthRequest;
import com.github.scribejava.core.model.Verb;
import com.github.scribejava.core.oauth.OAuth10aService;
import io.rotation.catalog.discogs.api.DiscogsException;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The {@code Authorization} header of a request made with a store's Discogs token: {@code Discogs
 * token=…} for a personal token; for an OAuth 1.0a access token a fresh signature per request
 * (HMAC-SHA1 by scribejava, with the application's consumer key and secret, which Discogs requires
 * for OAuth access tokens). A function of the full request URL; holds the token only in memory.
 */
public final class StoreAuthorization implements UnaryOperator<String> {

    private final StoreCredentials credentials;
    private final OAuth10aService oauth;

    public StoreAuthorization(StoreCredentials credentials, Optional<String> consumerKey, Optional<String> consumerSecret) {
        this.credentials = credentials;
        if (credentials.isOAuth()) {
            if (consumerKey.isEmpty() || consumerSecret.isEmpty()) {
                throw new DiscogsException("store " + credentials.storeId() + " syncs with a Discogs OAuth token, but no "
                        + "consumer key and secret are configured (ROTATION_DISCOGS_CONSUMER_KEY / _SECRET)");
            }
            this.oauth = new ServiceBuilder(consumerKey.get()).apiSecret(consumerSecret.get()).build(SigningOnly.API);
        } else {
            this.oauth = null;
        }
    }

    @Override
    public String apply(String url) {
        if (oauth == null) {
            return "Discogs token=" + credentials.token().strip();
        }
        OAuthRequest request = new OAuthRequest(Verb.GET, url);
        oauth.signRequest(new OAuth1AccessToken(credentials.token(), credentials.tokenSecret()), request);
        return request.getHeaders().get("Authorization");
    }

    @Override
    public String toString() {
        return "StoreAuthorization[" + credentials + "]";
    }

    /** Only requests are signed here: the token endpoints are identity's business. */
    private static final class SigningOnly extends DefaultApi10a {
        static final SigningOnly API = new SigningOnly();

        @Override
        public String getRequestTokenEndpoint() {
            throw new UnsupportedOperationException("catalog signs requests only");
        }

        @Override
        public String getAccessTokenEndpoint() {
            throw new UnsupportedOperationException("catalog signs requests only");
        }

        @Override
        protected String getAuthorizationBaseUrl() {
            throw new UnsupportedOperationException("catalog signs requests only");
        }
    }
}
