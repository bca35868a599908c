package io.rotation.identity.discogs.rest;

import io.rotation.identity.discogs.model.StoreDiscogsCredentials;
import io.rotation.identity.discogs.service.DiscogsTokenService;
import io.rotation.platform.rest.Params;
import io.rotation.platform.security.ServiceKey;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Services only (the shared service key, never a user's token): the decrypted Discogs token a
 * store syncs with, for catalog's store sync, which keeps it in memory for the sync alone.
 */
@Path("/internal/v1/stores/{store_id}/discogs-credentials")
@PermitAll // the service key is checked below; a bearer token alone is refused
@Produces(MediaType.APPLICATION_JSON)
public class InternalDiscogsCredentialsResource {

    private final DiscogsTokenService tokens;
    private final ServiceKey serviceKey;

    public InternalDiscogsCredentialsResource(DiscogsTokenService tokens, ServiceKey serviceKey) {
        this.tokens = tokens;
        this.serviceKey = serviceKey;
    }

    @GET
    @Operation(summary = "Services only (header X-Rotation-Service-Key): the Discogs token of the store's owner, "
            + "else of a manager, decrypted; 404 when none has one")
    public Uni<StoreDiscogsCredentials> credentials(@PathParam("store_id") String storeId,
                                                    @HeaderParam(ServiceKey.HEADER) String key) {
        serviceKey.require(key);
        return tokens.forStore(Params.positive("store_id", storeId));
    }
}
