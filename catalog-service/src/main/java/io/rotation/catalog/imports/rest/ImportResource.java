package io.rotation.catalog.imports.rest;

import io.rotation.catalog.imports.model.ImportRequest;
import io.rotation.catalog.imports.model.ImportRunView;
import io.rotation.catalog.imports.service.ImportJobs;
import io.rotation.catalog.rest.Ids;
import io.rotation.platform.problem.ProblemException;
import io.rotation.platform.security.CurrentUser;
import io.rotation.platform.security.Roles;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Imports of Discogs releases dumps (admin only). */
@Path("/api/v1/imports")
@RolesAllowed(Roles.ADMIN)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {

    private final ImportJobs jobs;
    private final CurrentUser caller;

    public ImportResource(ImportJobs jobs, CurrentUser caller) {
        this.jobs = jobs;
        this.caller = caller;
    }

    @POST
    @Blocking
    @Operation(summary = "Import a Discogs releases dump (.xml or .xml.gz) from a server-side path, in the background")
    public Response start(ImportRequest body) {
        if (body == null) {
            throw ProblemException.invalidField("path", "is required");
        }
        ImportRunView run = jobs.start(body.path(), caller.id());
        return Response.accepted(Map.of("id", run.id(), "status", run.status()))
                .header("Location", "/api/v1/imports/" + run.id()).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Status and counts of an import")
    public Uni<ImportRunView> get(@PathParam("id") String id) {
        return jobs.find(Ids.parse(id));
    }
}
