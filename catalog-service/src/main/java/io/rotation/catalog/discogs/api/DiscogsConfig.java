package io.rotation.catalog.discogs.api;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The Discogs REST API as the store sync uses it ({@code rotation.discogs.*}). */
@ConfigMapping(prefix = "rotation.discogs")
public interface DiscogsConfig {

    /** https://api.discogs.com; WireMock in tests. */
    @WithDefault("https://api.discogs.com")
    String baseUrl();

    /**
     * The service's personal access token (env ROTATION_DISCOGS_API_TOKEN), sent as
     * {@code Authorization: Discogs token=…}; never logged. Without it Discogs answers public data
     * at its lower anonymous rate.
     */
    Optional<String> token();

    /**
     * The application's OAuth consumer key and secret (ROTATION_DISCOGS_CONSUMER_KEY / _SECRET, as
     * identity's): needed to sign requests with a store's OAuth access token.
     */
    Optional<String> consumerKey();

    Optional<String> consumerSecret();

    /** Discogs rejects requests without a descriptive User-Agent. */
    @WithDefault("RotationCatalog/0.1 +https://rotation.dev")
    String userAgent();

    /** Listings per inventory page (Discogs' maximum is 100). */
    @WithDefault("100")
    int perPage();

    @WithDefault("10s")
    Duration connectTimeout();

    @WithDefault("30s")
    Duration readTimeout();

    RateLimit rateLimit();

    interface RateLimit {

        /** Requests allowed per window (Discogs: 60 a minute with a token); lowered by X-Discogs-Ratelimit. */
        @WithDefault("60")
        int requests();

        /** Discogs' moving window; tests shorten it. */
        @WithDefault("60s")
        Duration window();

        /** When X-Discogs-Ratelimit-Remaining drops below this, requests are spread over the window. */
        @WithDefault("5")
        int lowRemaining();

        /** First wait after a 429 without Retry-After (or a 5xx); doubled on each further retry. */
        @WithDefault("1s")
        Duration backoff();

        /** Retries of one request after 429/5xx before the sync fails. */
        @WithDefault("6")
        int maxRetries();

        /** The longest single wait (a huge Retry-After is capped). */
        @WithDefault("120s")
        Duration maxWait();
    }
}
