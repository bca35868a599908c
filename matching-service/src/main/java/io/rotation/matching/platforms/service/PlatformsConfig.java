package io.rotation.matching.platforms.service;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/**
 * The platforms' API clients. Credentials come from the environment (a Secret in Kubernetes), e.g.
 * {@code ROTATION_MATCHING_PLATFORMS_YOUTUBE_API_KEY}; without them an adapter is off.
 */
@ConfigMapping(prefix = "rotation.matching.platforms")
public interface PlatformsConfig {

    YouTube youtube();

    Spotify spotify();

    SoundCloud soundcloud();

    Bandcamp bandcamp();

    /** What every client has: timeouts, retries and their back-off. */
    interface Client {
        /** One request's limit; a slower answer counts as a timeout (retried). */
        @WithDefault("5s")
        Duration timeout();

        /** Retries of a 429, a 5xx, a timeout or a broken connection. */
        @WithDefault("3")
        int maxRetries();

        /** First back-off; doubled at each retry. */
        @WithDefault("500ms")
        Duration backoff();

        /** The longest Retry-After honoured; a platform asking for longer is skipped for this search. */
        @WithDefault("30s")
        Duration maxRetryAfter();
    }

    /** YouTube Data API v3: an API key; search.list costs 100 units, videos.list 1, of a daily quota. */
    interface YouTube extends Client {
        Optional<String> apiKey();

        @WithDefault("https://www.googleapis.com")
        String baseUrl();

        /** maxResults of one search page (the API allows 1..50). */
        @WithDefault("25")
        int pageSize();

        /** Units this service may spend per day (Pacific time, as Google counts). */
        @WithDefault("10000")
        int dailyQuotaUnits();
    }

    /** Spotify Web API: client credentials flow. */
    interface Spotify extends Client {
        Optional<String> clientId();

        Optional<String> clientSecret();

        @WithDefault("https://api.spotify.com")
        String baseUrl();

        @WithDefault("https://accounts.spotify.com")
        String accountsUrl();

        /** limit of one search page (the API allows 1..50). */
        @WithDefault("20")
        int pageSize();
    }

    /** SoundCloud API: OAuth 2.1 client credentials. */
    interface SoundCloud extends Client {
        Optional<String> clientId();

        Optional<String> clientSecret();

        @WithDefault("https://api.soundcloud.com")
        String baseUrl();

        @WithDefault("https://secure.soundcloud.com")
        String authUrl();

        /** limit of one page (linked partitioning). */
        @WithDefault("20")
        int pageSize();
    }

    /**
     * Bandcamp has no public search API for third parties: the adapter uses the search endpoint of its
     * own web pages, and is off unless enabled (it needs no credentials).
     */
    interface Bandcamp extends Client {
        @WithDefault("false")
        boolean enabled();

        @WithDefault("https://bandcamp.com")
        String baseUrl();
    }
}
