package io.rotation.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GatewayRoutesTest {

    private final Manifests manifests = Manifests.ofOverlays();
    private final GatewayRoutes routes = new GatewayRoutes(manifests.resources("HTTPRoute"));
    private final NginxRoutes nginx = new NginxRoutes();

    @Test
    void everyPublicPathOfTheCodeReachesItsServiceThroughTheHttpRoutesAndNginx() {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (String service : CodeInventory.services()) {
            for (String path : CodeInventory.httpPaths(service)) {
                if (path.startsWith("/internal/")) {
                    continue;
                }
                String sample = path.replaceAll("\\{[^}]+}", "x1");
                checked++;
                if (!routes.serviceFor(sample).equals(Optional.of(service))) {
                    wrong.add(sample + ": HTTPRoutes send it to " + routes.serviceFor(sample) + ", served by " + service);
                }
                if (!nginx.serviceFor(sample).equals(Optional.of(service))) {
                    wrong.add(sample + ": nginx sends it to " + nginx.serviceFor(sample) + ", served by " + service);
                }
            }
        }
        assertThat(checked).isGreaterThan(60);
        assertThat(wrong).isEmpty();
    }

    @Test
    void internalPathsAreReachableThroughNeitherEdge() {
        List<String> internal = CodeInventory.services().stream().flatMap(s -> CodeInventory.httpPaths(s).stream())
                .filter(p -> p.startsWith("/internal/")).map(p -> p.replaceAll("\\{[^}]+}", "x1")).toList();
        assertThat(internal).isNotEmpty();
        assertThat(internal).allSatisfy(path -> {
            assertThat(routes.serviceFor(path)).as(path).isEmpty();
            assertThat(nginx.serviceFor(path)).as(path).isEmpty();
        });
    }

    @Test
    void theHttpRoutesSendEveryLocationOfNginxToTheSameService() {
        List<String> samples = nginx.samplePaths();
        assertThat(samples).hasSizeGreaterThan(25).contains("/api/v1/users/u1/collections", "/api/v1/settings");
        assertThat(samples).allSatisfy(path -> assertThat(routes.serviceFor(path)).as(path).isEqualTo(nginx.serviceFor(path)));
    }

    @Test
    void everyServiceRouteIsServedOnTheTlsListenerAndPlainHttpOnlyRedirects() {
        JsonNode gateway = manifests.resources("Gateway").get(0).doc();
        JsonNode https = listener(gateway, "https");
        assertThat(https.path("protocol").asText()).isEqualTo("HTTPS");
        assertThat(https.path("tls").path("certificateRefs")).isNotEmpty();
        for (Manifests.Resource route : manifests.resources("HTTPRoute")) {
            String section = route.doc().path("spec").path("parentRefs").path(0).path("sectionName").asText();
            boolean redirects = route.doc().path("spec").path("rules").path(0).path("filters").path(0)
                    .path("type").asText().equals("RequestRedirect");
            assertThat(section).as(route.toString()).isEqualTo(redirects ? "http" : "https");
        }
    }

    private static JsonNode listener(JsonNode gateway, String name) {
        for (JsonNode listener : gateway.path("spec").path("listeners")) {
            if (listener.path("name").asText().equals(name)) {
                return listener;
            }
        }
        throw new AssertionError("no listener " + name);
    }
}
