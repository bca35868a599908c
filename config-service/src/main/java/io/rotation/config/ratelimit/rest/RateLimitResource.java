package io.rotation.config.ratelimit.rest;

import io.rotation.config.ratelimit.model.RateLimitDefinition;
import io.rotation.config.ratelimit.model.RateLimitInput;
import io.rotation.config.ratelimit.service.RateLimitService;
import io.rotation.platform.paging.Page;
import io.rotation.platform.paging.PageRequest;
import io.rotation.platform.rest.Params;
import io.rotation.platform.security.CurrentUser;
import io.rotation.platform.security.Roles;
import io.smallrye.mutiny.Uni;
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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Rate-limit rules, administered by admins and enforced by every service within a second. */
@Path("/api/v1/rate-limits")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class RateLimitResource {

    private final RateLimitService limits;
    private final CurrentUser caller;

    public RateLimitResource(RateLimitService limits, CurrentUser caller) {
        this.limits = limits;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Rules by id, cursor pages")
    public Uni<Page<RateLimitDefinition>> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return limits.list(PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One rule")
    public Uni<RateLimitDefinition> get(@PathParam("id") String id) {
        return limits.get(Params.id(id));
    }

    @POST
    @Operation(summary = "Create a rule {identifier_type, identifier?, endpoint_pattern, max_requests, window_seconds, block_seconds?, enabled?, description?}")
    public Uni<Response> create(@NotNull RateLimitInput body) {
        return limits.create(caller.id(), body).map(r -> Response.status(Response.Status.CREATED).entity(r).build());
    }

    @PATCH
    @Path("/{id}")
    @Operation(summary = "Change a rule; the fields sent change")
    public Uni<RateLimitDefinition> change(@PathParam("id") String id, @NotNull RateLimitInput body) {
        return limits.change(caller.id(), Params.id(id), body);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a rule: no longer enforced anywhere")
    public Uni<Response> delete(@PathParam("id") String id) {
        return limits.delete(caller.id(), Params.id(id)).replaceWith(Response.noContent().build());
    }
}
