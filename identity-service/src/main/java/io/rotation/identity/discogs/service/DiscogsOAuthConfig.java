package io.rotation.identity.discogs.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Discogs' OAuth 1.0a endpoints and this application's consumer credentials ({@code rotation.discogs.oauth.*}). */
@ConfigMapping(prefix = "rotation.discogs.oauth")
public interface DiscogsOAuthConfig {

    /** The application's consumer key and secret (ROTATION_DISCOGS_CONSUMER_KEY / _SECRET); without them connecting answers 503. */
    Optional<String> consumerKey();

    Optional<String> consumerSecret();

    @WithDefault("https://api.discogs.com/oauth/request_token")
    String requestTokenUrl();

    @WithDefault("https://www.discogs.com/oauth/authorize")
    String authorizeUrl();

    @WithDefault("https://api.discogs.com/oauth/access_token")
    String accessTokenUrl();

    @WithDefault("https://api.discogs.com/oauth/identity")
    String identityUrl();

    /** Where Discogs sends the browser back (the client app's page, which completes the connection). */
    String callbackUrl();

    String userAgent();

    /** How long a started authorisation (its request token) can be completed. */
    @WithDefault("15m")
    Duration pendingFor();
}
