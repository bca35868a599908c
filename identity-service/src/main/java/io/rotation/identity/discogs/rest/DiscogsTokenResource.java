package io.rotation.identity.discogs.rest;

import io.quarkus.security.Authenticated;
import io.rotation.identity.discogs.model.DiscogsTokenRequest;
import io.rotation.identity.discogs.model.DiscogsTokenStatus;
import io.rotation.identity.discogs.service.DiscogsTokenService;
import io.rotation.platform.security.CurrentUser;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The caller's Discogs OAuth token: set, remove, and ask whether one is set. */
@Path("/api/v1/users/me/discogs-token")
@Authenticated
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class DiscogsTokenResource {

    private final DiscogsTokenService tokens;
    private final CurrentUser caller;

    public DiscogsTokenResource(DiscogsTokenService tokens, CurrentUser caller) {
        this.tokens = tokens;
        this.caller = caller;
    }

    @PUT
    @Operation(summary = "Set the caller's Discogs token (stored encrypted; never shown again)")
    public Uni<Response> put(@NotNull @Valid DiscogsTokenRequest body) {
        return tokens.put(caller.id(), body).replaceWith(Response.noContent().build());
    }

    @DELETE
    @Operation(summary = "Remove the caller's Discogs token")
    public Uni<Response> delete() {
        return tokens.delete(caller.id()).replaceWith(Response.noContent().build());
    }

    @GET
    @Operation(summary = "Whether the caller has a Discogs token set (never the token)")
    public Uni<DiscogsTokenStatus> status() {
        return tokens.status(caller.id());
    }
}
