package io.rotation.analytics.jobs.rest;

import io.rotation.analytics.jobs.model.JobView;
import io.rotation.analytics.jobs.model.NewJob;
import io.rotation.analytics.jobs.service.JobService;
import io.rotation.platform.paging.Page;
import io.rotation.platform.paging.PageRequest;
import io.rotation.platform.rest.Params;
import io.rotation.platform.security.CurrentUser;
import io.rotation.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Background jobs of the whole suite (admins): start, follow, cancel. Live progress: {@code JobProgressSocket}. */
@Path("/api/v1/jobs")
@RolesAllowed(Roles.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class JobResource {

    private final JobService jobs;
    private final CurrentUser caller;

    public JobResource(JobService jobs, CurrentUser caller) {
        this.jobs = jobs;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a job ({type, params, depends_on?, max_retries?, priority?}); the service owning the "
            + "type runs it (201 with the job, pending until dispatched)")
    public Uni<Response> create(NewJob body) {
        long adminId = caller.id();
        return jobs.create(body, adminId).map(job -> Response.created(URI.create("/api/v1/jobs/" + job.id()))
                .entity(job).build());
    }

    @GET
    @Operation(summary = "Jobs, newest first, by status and type, in cursor pages")
    public Uni<Page<JobView>> list(@QueryParam("status") String status, @QueryParam("type") String type,
                                   @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(Params.optionalInteger("limit", limit), cursor);
        return jobs.list(Params.optionalText(status), Params.optionalText(type), page);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A job with its progress and log lines")
    public Uni<JobView> get(@PathParam("id") String id) {
        return jobs.find(Params.id(id));
    }

    @POST
    @Path("/{id}/cancel")
    @Operation(summary = "Cancel a job: at once if it waits, else its runner stops at its next step (202); "
            + "409 if it already ended")
    public Uni<Response> cancel(@PathParam("id") String id) {
        long jobId = Params.id(id);
        long adminId = caller.id();
        return jobs.cancel(jobId, adminId).map(job -> Response.accepted(job).build());
    }
}
