package io.rotation.identity.auth.rest;

import io.rotation.identity.auth.service.LoginService;
import io.rotation.identity.auth.service.TokenIssuer.TokenPair;
import io.rotation.identity.user.model.Registration;
import io.rotation.identity.user.model.UserView;
import io.rotation.identity.user.service.UserService;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1/auth")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class AuthResource {

    private final UserService users;
    private final LoginService logins;

    public AuthResource(UserService users, LoginService logins) {
        this.users = users;
        this.logins = logins;
    }

    @POST
    @Path("/register")
    @Operation(summary = "Create an account (role general_user)")
    public Uni<Response> register(@NotNull @Valid Registration body) {
        return users.register(body).map(user -> Response.created(URI.create("/api/v1/users/" + user.id))
                .entity(UserView.of(user)).build());
    }

    @POST
    @Path("/login")
    @Operation(summary = "Exchange a username or e-mail and password for an access token and a refresh token; "
            + "429 with Retry-After after too many failures for the account or from the client address")
    public Uni<TokenPair> login(@NotNull @Valid Credentials body, @Context HttpServerRequest request) {
        return logins.login(body.login(), body.password(), clientAddress(request));
    }

    /**
     * The client's address: the peer, or what a trusted proxy forwarded for it (Quarkus rewrites
     * the remote address only for peers in {@code quarkus.http.proxy.trusted-proxies}).
     */
    private static String clientAddress(HttpServerRequest request) {
        SocketAddress address = request.remoteAddress();
        return address == null || address.host() == null ? "unknown" : address.host();
    }

    @POST
    @Path("/refresh")
    @Operation(summary = "Exchange a refresh token for a new pair; a refresh token presented twice revokes its family")
    public Uni<TokenPair> refresh(@NotNull @Valid RefreshRequest body) {
        return logins.refresh(body.refreshToken());
    }

    @POST
    @Path("/logout")
    @Operation(summary = "Revoke the refresh token and every token rotated from the same login")
    public Uni<Response> logout(@NotNull @Valid RefreshRequest body) {
        return logins.logout(body.refreshToken()).replaceWith(Response.noContent().build());
    }
}
