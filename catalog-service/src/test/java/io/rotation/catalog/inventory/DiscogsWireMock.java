package io.rotation.catalog.inventory;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Map;

/**
 * Discogs replayed by WireMock on a free port; the catalog's Discogs client points at it, with a
 * token, a one-second rate-limit window and short back-offs so that the rate-limit tests stay fast.
 * identity's internal credentials endpoint is stubbed on the same server (unstubbed: 404, no store
 * token, the service's token is used).
 */
public class DiscogsWireMock implements QuarkusTestResourceLifecycleManager {

    public static final String TOKEN = "test-discogs-token";
    public static final String CONSUMER_KEY = "test-consumer-key";
    /** The rate-limit window the tests configure. */
    public static final long WINDOW_MILLIS = 1000;

    /** Marks the test field that receives the running server. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface Server {
    }

    private WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        return Map.of("rotation.discogs.base-url", server.baseUrl(),
                "rotation.discogs.token", TOKEN,
                "rotation.identity.url", server.baseUrl(),
                "rotation.discogs.consumer-key", CONSUMER_KEY,
                "rotation.discogs.consumer-secret", "test-consumer-secret",
                "rotation.discogs.rate-limit.window", WINDOW_MILLIS + "ms",
                "rotation.discogs.rate-limit.backoff", "100ms");
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server, new TestInjector.AnnotatedAndMatchesType(Server.class,
                WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
