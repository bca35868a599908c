package io.rotation.identity.discogs;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Discogs' OAuth endpoints replayed by WireMock on a free port; identity's OAuth client points at it. */
public class DiscogsOAuthWireMock implements QuarkusTestResourceLifecycleManager {

    public static final String CONSUMER_KEY = "test-consumer-key";
    public static final String CONSUMER_SECRET = "test-consumer-secret";

    static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        String base = server.baseUrl();
        return Map.of("rotation.discogs.oauth.consumer-key", CONSUMER_KEY,
                "rotation.discogs.oauth.consumer-secret", CONSUMER_SECRET,
                "rotation.discogs.oauth.request-token-url", base + "/oauth/request_token",
                "rotation.discogs.oauth.authorize-url", base + "/oauth/authorize",
                "rotation.discogs.oauth.access-token-url", base + "/oauth/access_token",
                "rotation.discogs.oauth.identity-url", base + "/oauth/identity",
                "rotation.discogs.oauth.callback-url", "https://app.example.org/discogs/connected");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
