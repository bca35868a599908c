package io.rotation.config.flag.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.rotation.config.flag.model.EvaluationContextInput;
import io.rotation.config.flag.model.Flag;
import io.rotation.config.flag.model.FlagEvaluation;
import io.rotation.config.flag.model.FlagInput;
import io.rotation.config.flag.service.FlagEvaluations;
import io.rotation.config.flag.service.FlagService;
import io.rotation.platform.audit.AuditActor;
import io.rotation.platform.paging.Page;
import io.rotation.platform.paging.PageRequest;
import io.rotation.platform.problem.ProblemException;
import io.rotation.platform.security.CurrentUser;
import io.rotation.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
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
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Feature flags: administered by admins, evaluated by anyone with Unleash's semantics. */
@Path("/api/v1/flags")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class FlagResource {

    private final FlagService flags;
    private final FlagEvaluations evaluations;
    private final CurrentUser caller;
    private final SecurityIdentity identity;

    public FlagResource(FlagService flags, FlagEvaluations evaluations, CurrentUser caller, SecurityIdentity identity) {
        this.flags = flags;
        this.evaluations = evaluations;
        this.caller = caller;
        this.identity = identity;
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Flags by key (archived ones with include_archived=true)")
    public Uni<Page<Flag>> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor,
                                @QueryParam("include_archived") boolean includeArchived) {
        return flags.list(PageRequest.of(limit, cursor), includeArchived);
    }

    @GET
    @Path("/{key}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "One flag, with its Unleash definition")
    public Uni<Flag> get(@PathParam("key") String key) {
        return flags.get(key);
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create a flag of the seed's types (boolean, percentage, user_list, condition)")
    public Uni<Response> create(@NotNull FlagInput body, @Context HttpServerRequest request) {
        return flags.create(actor(request), body).map(f -> Response.status(Response.Status.CREATED).entity(f).build());
    }

    @PATCH
    @Path("/{key}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Change a flag; the fields sent change, the change is in its history")
    public Uni<Flag> change(@PathParam("key") String key, @NotNull FlagInput body,
                            @Context HttpServerRequest request) {
        return flags.change(actor(request), key, body);
    }

    @DELETE
    @Path("/{key}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Archive a flag: off everywhere, kept with its history")
    public Uni<Response> archive(@PathParam("key") String key, @Context HttpServerRequest request) {
        return flags.archive(actor(request), key).replaceWith(Response.noContent().build());
    }

    @POST
    @Path("/import")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Create or replace flags and segments from an Unleash state document ({version, features, segments?})")
    public Uni<Map<String, Integer>> importState(@QueryParam("format") String format, @NotNull JsonNode state,
                                                 @Context HttpServerRequest request) {
        requireUnleash(format);
        return flags.importUnleash(actor(request), state);
    }

    @GET
    @Path("/export")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Every live flag and segment as an Unleash state document, which imports back unchanged")
    public Uni<ObjectNode> exportState(@QueryParam("format") String format) {
        requireUnleash(format);
        return flags.exportUnleash();
    }

    @POST
    @Path("/{key}/evaluate")
    @Authenticated
    @Operation(summary = "Evaluate one flag for an Unleash context → {enabled, variant}; 404 for an unknown flag")
    public FlagEvaluation evaluate(@PathParam("key") String key, EvaluationContextInput body) {
        return evaluations.evaluate(key, body);
    }

    @GET
    @Path("/evaluate")
    @PermitAll
    @Operation(summary = "Every flag evaluated for the caller (user from the token, if any; address of the request)")
    public Map<String, FlagEvaluation> evaluateAll(@QueryParam("session_id") String sessionId,
                                                   @QueryParam("app_name") String appName,
                                                   @QueryParam("environment") String environment,
                                                   @Context HttpServerRequest request) {
        String userId = identity.isAnonymous() ? null : String.valueOf(caller.id());
        return evaluations.evaluateAll(new EvaluationContextInput(userId, sessionId, clientAddress(request), environment,
                appName, null, Map.of()));
    }

    /** The client's address: Quarkus takes it from X-Forwarded-For only when a trusted proxy sent it. */
    private static String clientAddress(HttpServerRequest request) {
        return request.remoteAddress() == null ? null : request.remoteAddress().hostAddress();
    }

    private static void requireUnleash(String format) {
        if (!"unleash".equals(format)) {
            throw ProblemException.invalidField("format", "must be unleash");
        }
    }

    private AuditActor actor(HttpServerRequest request) {
        return AuditActor.user(caller.id(), request);
    }
}
