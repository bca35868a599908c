package io.rotation.userfeatures.export.rest;

import io.quarkus.security.Authenticated;
import io.rotation.platform.problem.ProblemException;
import io.rotation.platform.security.CurrentUser;
import io.rotation.userfeatures.export.model.ExportDocument;
import io.rotation.userfeatures.export.model.ExportStatus;
import io.rotation.userfeatures.export.service.ExportService;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The caller's GDPR exports: a copy of everything the suite holds about them. */
@Path("/api/v1/users/me/export")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ExportResource {

    private final ExportService exports;
    private final CurrentUser caller;

    public ExportResource(ExportService exports, CurrentUser caller) {
        this.exports = exports;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Ask for an export: 202 with its id (a repeat while one is pending answers that one)")
    public Uni<Response> request() {
        return exports.request(caller.id()).map(status -> Response.accepted(status)
                .header("Location", "/api/v1/users/me/export/" + status.id()).build());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "An export of the caller: 200 with the document when ready, 202 with its progress before")
    public Uni<Response> get(@PathParam("id") String id) {
        return exports.get(caller.id(), parse(id)).map(result -> result instanceof ExportDocument document
                ? Response.ok(document).build()
                : Response.accepted((ExportStatus) result).build());
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField("id", "must be an export id (a UUID)");
        }
    }
}
