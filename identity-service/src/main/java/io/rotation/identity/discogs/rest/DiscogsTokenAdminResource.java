package io.rotation.identity.discogs.rest;

import io.rotation.identity.discogs.model.ReEncryption;
import io.rotation.identity.discogs.service.DiscogsTokenReEncryption;
import io.rotation.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Admins: Discogs token key rotation. */
@Path("/api/v1/admin/discogs-tokens")
@Produces(MediaType.APPLICATION_JSON)
public class DiscogsTokenAdminResource {

    private final DiscogsTokenReEncryption reEncryption;

    public DiscogsTokenAdminResource(DiscogsTokenReEncryption reEncryption) {
        this.reEncryption = reEncryption;
    }

    @POST
    @Path("/re-encrypt")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Admins: re-encrypt every Discogs token stored under a previous key version with the current "
            + "key, now (it also runs on a schedule); answers the counts")
    public Uni<ReEncryption> reEncrypt() {
        return reEncryption.run();
    }
}
