package io.rotation.config.cache.rest;

import io.rotation.config.cache.model.CacheRuleDefinition;
import io.rotation.config.cache.model.CacheRuleInput;
import io.rotation.config.cache.service.CacheRuleService;
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

/** Cache rules (key pattern → TTL, max entries, enabled), administered by admins, applied by the services' Redis caches. */
@Path("/api/v1/cache-rules")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class CacheRuleResource {

    private final CacheRuleService rules;
    private final CurrentUser caller;

    public CacheRuleResource(CacheRuleService rules, CurrentUser caller) {
        this.rules = rules;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Rules by id, cursor pages")
    public Uni<Page<CacheRuleDefinition>> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return rules.list(PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One rule")
    public Uni<CacheRuleDefinition> get(@PathParam("id") String id) {
        return rules.get(Params.id(id));
    }

    @POST
    @Operation(summary = "Create a rule {key_pattern, ttl_seconds, max_entries?, enabled?, description?}")
    public Uni<Response> create(@NotNull CacheRuleInput body, @Context HttpServerRequest request) {
        return rules.create(actor(request), body).map(r -> Response.status(Response.Status.CREATED).entity(r).build());
    }

    @PATCH
    @Path("/{id}")
    @Operation(summary = "Change a rule; the fields sent change")
    public Uni<CacheRuleDefinition> change(@PathParam("id") String id, @NotNull CacheRuleInput body,
                                           @Context HttpServerRequest request) {
        return rules.change(actor(request), Params.id(id), body);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a rule: the caches go back to their own configuration")
    public Uni<Response> delete(@PathParam("id") String id, @Context HttpServerRequest request) {
        return rules.delete(actor(request), Params.id(id)).replaceWith(Response.noContent().build());
    }

    private AuditActor actor(HttpServerRequest request) {
        return AuditActor.user(caller.id(), request);
    }
}
