package io.rotation.system;

import java.net.http.HttpClient;
import java.time.Duration;

/** The JDK client the system tests call services with directly (the gateway's callers use RestAssured). */
final class HttpClients {

    private HttpClients() {
    }

    /**
     * HTTP/1.1 only. By default the JDK client offers an h2c upgrade, which the services accept; a large response
     * on an upgraded connection once hung {@code send} past its request timeout (BadInputFuzzTest reading
     * user-features' OpenAPI document), and nothing here needs HTTP/2.
     */
    static HttpClient http11(Duration connectTimeout) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(connectTimeout).build();
    }
}
