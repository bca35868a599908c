package io.rotation.config.profile.rest;

import io.rotation.config.profile.model.ProfileInput;
import io.rotation.config.profile.model.ProfileRow;
import io.rotation.config.profile.service.ProfileService;
import io.rotation.platform.audit.AuditActor;
import io.rotation.platform.paging.Page;
import io.rotation.platform.paging.PageRequest;
import io.rotation.platform.rest.Params;
import io.rotation.platform.security.CurrentUser;
import io.rotation.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Config profiles: setting overrides per environment, administered by admins. */
@Path("/api/v1/config-profiles")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class ProfileResource {

    private final ProfileService profiles;
    private final CurrentUser caller;

    public ProfileResource(ProfileService profiles, CurrentUser caller) {
        this.profiles = profiles;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Profiles by id, cursor pages")
    public Uni<Page<ProfileRow>> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return profiles.list(PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One profile")
    public Uni<ProfileRow> get(@PathParam("id") String id) {
        return profiles.get(Params.id(id));
    }

    @POST
    @Operation(summary = "Create a profile {name, environment, description?, settings?: {key: value}, active?}")
    public Uni<Response> create(@NotNull ProfileInput body, @Context HttpServerRequest request) {
        return profiles.create(actor(request), body).map(p -> Response.status(Response.Status.CREATED).entity(p).build());
    }

    @PATCH
    @Path("/{id}")
    @Operation(summary = "Change a profile; the fields sent change (settings replaces the overrides)")
    public Uni<ProfileRow> change(@PathParam("id") String id, @NotNull ProfileInput body, @Context HttpServerRequest request) {
        return profiles.change(actor(request), Params.id(id), body);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a profile: its environment falls back to the settings' own values")
    public Uni<Response> delete(@PathParam("id") String id, @Context HttpServerRequest request) {
        return profiles.delete(actor(request), Params.id(id)).replaceWith(Response.noContent().build());
    }

    private AuditActor actor(HttpServerRequest request) {
        return AuditActor.user(caller.id(), request);
    }
}
