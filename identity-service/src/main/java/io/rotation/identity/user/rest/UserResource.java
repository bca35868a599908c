package io.rotation.identity.user.rest;

import io.quarkus.security.Authenticated;
import io.rotation.identity.user.model.AdminUserUpdate;
import io.rotation.identity.user.model.ProfileUpdate;
import io.rotation.identity.user.model.UserView;
import io.rotation.identity.user.service.UserErasure;
import io.rotation.identity.user.service.UserService;
import io.rotation.platform.audit.AuditActor;
import io.rotation.platform.problem.ProblemException;
import io.rotation.platform.problem.ProblemType;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.core.Response;
import io.rotation.platform.paging.Page;
import io.rotation.platform.paging.PageRequest;
import io.rotation.platform.security.CurrentUser;
import io.rotation.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import io.vertx.core.http.HttpServerRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Accounts: the caller's own profile, and the admins' listing and role/activity changes. */
@Path("/api/v1/users")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class UserResource {

    private final UserService users;
    private final UserErasure erasure;
    private final CurrentUser caller;

    public UserResource(UserService users, UserErasure erasure, CurrentUser caller) {
        this.users = users;
        this.erasure = erasure;
        this.caller = caller;
    }

    @GET
    @Path("/me")
    @Authenticated
    @Operation(summary = "The caller's account")
    public Uni<UserView> me() {
        return users.me(caller.id());
    }

    @PATCH
    @Path("/me")
    @Authenticated
    @Operation(summary = "Change the caller's profile, e-mail or username (unique without regard to case)")
    public Uni<UserView> updateMe(@NotNull @Valid ProfileUpdate body) {
        return users.updateProfile(caller.id(), body);
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Admins: list accounts by id; q searches username and e-mail, role and is_active filter")
    public Uni<Page<UserView>> list(@QueryParam("q") String q, @QueryParam("role") String role,
                                    @QueryParam("is_active") String isActive, @QueryParam("limit") Integer limit,
                                    @QueryParam("cursor") String cursor) {
        return users.list(q, role, isActive, PageRequest.of(limit, cursor));
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Admins: set a user's role or is_active (an inactive user can neither log in nor refresh)")
    public Uni<UserView> update(@PathParam("id") long id, @NotNull @Valid AdminUserUpdate body,
                                @Context HttpServerRequest request) {
        return users.adminUpdate(AuditActor.user(caller.id(), request), id, body);
    }

    @DELETE
    @Path("/{id}")
    @Authenticated
    @Operation(summary = "Erase an account (the user themself or an admin): identity forgets it and announces "
            + "UserErased so that every service erases what it holds")
    public Uni<Response> erase(@PathParam("id") long id) {
        if (!caller.mayActFor(id)) {
            throw new ProblemException(ProblemType.FORBIDDEN, "only the user themself or an admin erases an account");
        }
        return erasure.erase(id, caller.id() != id).replaceWith(Response.noContent().build());
    }
}
