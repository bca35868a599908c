package io.rotation.catalog.imports.rest;

import io.rotation.catalog.imports.model.ImportRequest;
import io.rotation.catalog.imports.model.ImportRunView;
import io.rotation.catalog.imports.service.DumpUploads;
import io.rotation.catalog.imports.service.ImportJobs;
import io.rotation.platform.problem.ProblemException;
import io.rotation.platform.rest.Params;
import io.rotation.platform.audit.AuditActor;
import io.rotation.platform.security.CurrentUser;
import io.vertx.core.http.HttpServerRequest;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * Imports of Discogs releases dumps (admin only): from a path in the server's import directory, or uploaded (multipart
 * part {@code file}, or the dump as the request body), plain XML or gzip either way.
 */
@Path("/api/v1/imports")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class ImportResource {

    private final ImportJobs jobs;
    private final DumpUploads uploads;
    private final CurrentUser caller;

    public ImportResource(ImportJobs jobs, DumpUploads uploads, CurrentUser caller) {
        this.jobs = jobs;
        this.uploads = uploads;
        this.caller = caller;
    }

    @POST
    @Blocking
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import a Discogs releases dump (.xml or .xml.gz) from the server's import directory (a path relative to it, or absolute inside it), in the background")
    public Response start(ImportRequest body, @Context HttpServerRequest request) {
        if (body == null) {
            throw ProblemException.invalidField("path", "is required");
        }
        return accepted(jobs.start(body.path(), actor(request)));
    }

    @POST
    @Blocking
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Import an uploaded Discogs releases dump (form part 'file', XML or gzip), in the background")
    public Response upload(@RestForm("file") FileUpload file, @Context HttpServerRequest request) {
        if (file == null || file.uploadedFile() == null) {
            throw ProblemException.invalidField("file", "is required (a multipart part named file)");
        }
        java.nio.file.Path received = uploads.adopt(file.uploadedFile(), "file");
        return accepted(jobs.startUpload(received, file.fileName(), "file", actor(request)));
    }

    @POST
    @Blocking
    @Consumes({"application/gzip", "application/x-gzip", MediaType.APPLICATION_XML, MediaType.TEXT_XML,
            MediaType.APPLICATION_OCTET_STREAM})
    @Operation(summary = "Import the Discogs releases dump sent as the request body (XML or gzip), in the background")
    public Response uploadBody(InputStream body, @Context HttpServerRequest request) {
        java.nio.file.Path received = uploads.receive(body, "body");
        return accepted(jobs.startUpload(received, null, "body", actor(request)));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Status and counts of an import")
    public Uni<ImportRunView> get(@PathParam("id") String id) {
        return jobs.find(Params.id(id));
    }

    /** The admin, as the audit trail names them. */
    private AuditActor actor(HttpServerRequest request) {
        return AuditActor.user(caller.id(), request);
    }

    private static Response accepted(ImportRunView run) {
        return Response.accepted(Map.of("id", run.id(), "status", run.status()))
                .header("Location", "/api/v1/imports/" + run.id()).build();
    }
}
