package io.rotation.identity.auth.rest;

import io.rotation.identity.auth.keys.SigningKeys;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.Cache;

@Path("/.well-known/jwks.json")
public class JwksResource {

    private final SigningKeys keys;

    public JwksResource(SigningKeys keys) {
        this.keys = keys;
    }

    @GET
    @Produces("application/jwk-set+json")
    @Cache(maxAge = 300)
    @Operation(summary = "The public keys that verify Rotation access tokens")
    public Map<String, Object> jwks() {
        return keys.jwks();
    }
}
