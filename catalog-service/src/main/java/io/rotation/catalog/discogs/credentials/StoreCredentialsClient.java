package io.rotation.catalog.discogs.credentials;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rotation.catalog.discogs.api.DiscogsException;
import io.rotation.platform.security.ServiceKey;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Asks identity, over its internal API with the service key, for the Discogs token a store syncs
 * with. Blocking (the sync's worker thread). Empty when neither the owner nor a manager has
 * connected an account; identity unreachable or refusing fails the sync rather than use another
 * account's token.
 */
@ApplicationScoped
public class StoreCredentialsClient {

    private final URI identity;
    private final ServiceKey serviceKey;
    private final ObjectMapper json;
    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1) // no h2c upgrade offer: a plain call to a sibling service
            .connectTimeout(Duration.ofSeconds(5)).build();

    public StoreCredentialsClient(@ConfigProperty(name = "rotation.identity.url") URI identity, ServiceKey serviceKey,
                                  ObjectMapper json) {
        this.identity = identity;
        this.serviceKey = serviceKey;
        this.json = json;
    }

    public Optional<StoreCredentials> forStore(long storeId) {
        String key = serviceKey.value().orElseThrow(() -> new DiscogsException(
                "no service key (ROTATION_INTERNAL_SERVICE_KEY) to ask identity for store " + storeId + "'s Discogs token"));
        HttpRequest request = HttpRequest.newBuilder(identity.resolve("/internal/v1/stores/" + storeId
                        + "/discogs-credentials")).header(ServiceKey.HEADER, key).header("Accept", "application/json")
                .timeout(Duration.ofSeconds(10)).GET().build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new DiscogsException("identity unreachable for store " + storeId + "'s Discogs token: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DiscogsException("interrupted asking identity for store " + storeId + "'s Discogs token", e);
        }
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw new DiscogsException("identity answered " + response.statusCode() + " for store " + storeId
                    + "'s Discogs token");
        }
        try {
            JsonNode c = json.readTree(response.body());
            return Optional.of(new StoreCredentials(storeId, c.path("user_id").asLong(), c.path("username").asText(null),
                    c.path("token").asText(), c.hasNonNull("token_secret") ? c.get("token_secret").asText() : null));
        } catch (IOException e) {
            throw new DiscogsException("identity's answer for store " + storeId + "'s Discogs token is not JSON");
        }
    }
}
