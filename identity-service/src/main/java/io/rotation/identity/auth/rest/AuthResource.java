package io.rotation.identity.auth.rest;

import io.rotation.identity.auth.service.LoginService;
import io.rotation.identity.auth.service.TokenIssuer.AccessToken;
import io.rotation.identity.user.model.Registration;
import io.rotation.identity.user.model.UserView;
import io.rotation.identity.user.service.UserService;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
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
    @Operation(summary = "Exchange a username or e-mail and password for an access token")
    public Uni<AccessToken> login(@NotNull @Valid Credentials body) {
        return logins.login(body.login(), body.password());
    }
}
