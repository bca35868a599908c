package io.rotation.identity.discogs.rest;

import io.quarkus.security.Authenticated;
import io.rotation.identity.discogs.model.DiscogsAuthorization;
import io.rotation.identity.discogs.model.DiscogsAuthorizationResult;
import io.rotation.identity.discogs.model.DiscogsTokenStatus;
import io.rotation.identity.discogs.service.DiscogsAccountService;
import io.rotation.platform.security.CurrentUser;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Connecting the caller's Discogs account with Discogs' OAuth 1.0a flow (a personal token is set
 * with {@code PUT /api/v1/users/me/discogs-token} instead).
 */
@Path("/api/v1/users/me/discogs-account/authorization")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class DiscogsAccountResource {

    private final DiscogsAccountService accounts;
    private final CurrentUser caller;

    public DiscogsAccountResource(DiscogsAccountService accounts, CurrentUser caller) {
        this.accounts = accounts;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Start connecting the caller's Discogs account: answers the Discogs URL to send the user to; "
            + "Discogs then redirects to the app's callback with oauth_token and oauth_verifier")
    public Uni<DiscogsAuthorization> start() {
        return accounts.start(caller.id());
    }

    @POST
    @Path("/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Finish connecting: exchanges the callback's oauth_token and oauth_verifier for the access "
            + "token (stored encrypted, never shown) and answers the connected account")
    public Uni<DiscogsTokenStatus> complete(@NotNull @Valid DiscogsAuthorizationResult body) {
        return accounts.complete(caller.id(), body.oauthToken(), body.oauthVerifier());
    }
}
