package io.rotation.userfeatures.feedback.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.Authenticated;
import io.rotation.platform.paging.Page;
import io.rotation.platform.paging.PageRequest;
import io.rotation.platform.audit.AuditActor;
import io.rotation.platform.rest.Params;
import io.vertx.core.http.HttpServerRequest;
import io.rotation.platform.security.CurrentUser;
import io.rotation.platform.security.Roles;
import io.rotation.userfeatures.feedback.model.FeedbackView;
import io.rotation.userfeatures.feedback.model.NewFeedback;
import io.rotation.userfeatures.feedback.service.FeedbackService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;

/** Reports (bad matches, missing audio, wrong metadata, ...): users file them, admins triage them. */
@Path("/api/v1/feedback")
@Authenticated
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class FeedbackResource {

    private final FeedbackService feedback;
    private final CurrentUser caller;

    public FeedbackResource(FeedbackService feedback, CurrentUser caller) {
        this.feedback = feedback;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "File a report; 422 when what it names does not exist")
    public Uni<Response> submit(@NotNull @Valid NewFeedback body) {
        return feedback.submit(caller.id(), body)
                .map(stored -> Response.status(Response.Status.CREATED).entity(stored).build());
    }

    @GET
    @Operation(summary = "Reports, newest first: every report for admins, the caller's own for anyone else")
    public Uni<Page<FeedbackView>> list(@QueryParam("status") String status, @QueryParam("limit") Integer limit,
                                        @QueryParam("cursor") String cursor) {
        return feedback.list(caller.id(), caller.isAdmin(), Params.optionalText(status), PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One report: to its reporter or an admin (404 to anyone else)")
    public Uni<FeedbackView> get(@PathParam("id") String id) {
        return feedback.get(caller.id(), caller.isAdmin(), Params.id(id));
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Triage a report (admins): status open, in_review, resolved or dismissed, assigned_to, "
            + "resolution note (required to resolve or dismiss), priority")
    public Uni<FeedbackView> triage(@PathParam("id") String id,
                                    @RequestBody(description = "the fields to change") JsonNode body,
                                    @Context HttpServerRequest request) {
        return feedback.triage(Params.id(id), body, AuditActor.user(caller.id(), request));
    }
}
