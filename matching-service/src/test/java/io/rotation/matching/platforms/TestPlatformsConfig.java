package io.rotation.matching.platforms;

import io.rotation.matching.platforms.service.PlatformsConfig;
import java.time.Duration;
import java.util.Optional;

/** Platform clients' configuration pointing at WireMock, with short timeouts and back-offs. */
public final class TestPlatformsConfig implements PlatformsConfig {

    final String baseUrl;
    final boolean credentials;
    int pageSize = 25;
    int dailyQuotaUnits = 10_000;
    Duration timeout = Duration.ofSeconds(10);
    int maxRetries = 2;

    public TestPlatformsConfig(String baseUrl, boolean credentials) {
        this.baseUrl = baseUrl;
        this.credentials = credentials;
    }

    private abstract class Base implements PlatformsConfig.Client {
        @Override
        public Duration timeout() {
            return timeout;
        }

        @Override
        public int maxRetries() {
            return maxRetries;
        }

        @Override
        public Duration backoff() {
            return Duration.ofMillis(10);
        }

        @Override
        public Duration maxRetryAfter() {
            return Duration.ofSeconds(5);
        }
    }

    private Optional<String> secret(String value) {
        return credentials ? Optional.of(value) : Optional.empty();
    }

    @Override
    public YouTube youtube() {
        class Y extends Base implements YouTube {
            @Override
            public Optional<String> apiKey() {
                return secret("test-key");
            }

            @Override
            public String baseUrl() {
                return baseUrl;
            }

            @Override
            public int pageSize() {
                return pageSize;
            }

            @Override
            public int dailyQuotaUnits() {
                return dailyQuotaUnits;
            }
        }
        return new Y();
    }

    @Override
    public Spotify spotify() {
        class S extends Base implements Spotify {
            @Override
            public Optional<String> clientId() {
                return secret("spotify-id");
            }

            @Override
            public Optional<String> clientSecret() {
                return secret("spotify-secret");
            }

            @Override
            public String baseUrl() {
                return baseUrl;
            }

            @Override
            public String accountsUrl() {
                return baseUrl;
            }

            @Override
            public int pageSize() {
                return pageSize;
            }
        }
        return new S();
    }

    @Override
    public SoundCloud soundcloud() {
        class C extends Base implements SoundCloud {
            @Override
            public Optional<String> clientId() {
                return secret("sc-id");
            }

            @Override
            public Optional<String> clientSecret() {
                return secret("sc-secret");
            }

            @Override
            public String baseUrl() {
                return baseUrl;
            }

            @Override
            public String authUrl() {
                return baseUrl;
            }

            @Override
            public int pageSize() {
                return pageSize;
            }
        }
        return new C();
    }

    @Override
    public Bandcamp bandcamp() {
        class B extends Base implements Bandcamp {
            @Override
            public boolean enabled() {
                return credentials;
            }

            @Override
            public String baseUrl() {
                return baseUrl;
            }
        }
        return new B();
    }
}
