package io.rotation.userfeatures.play.rest;

import io.rotation.platform.paging.Page;
import io.rotation.platform.paging.PageRequest;
import io.rotation.platform.rest.Params;
import io.rotation.platform.security.CurrentUser;
import io.rotation.userfeatures.play.model.BatchResult;
import io.rotation.userfeatures.play.model.NewPlay;
import io.rotation.userfeatures.play.model.NewPlayBatch;
import io.rotation.userfeatures.play.model.Play;
import io.rotation.userfeatures.play.model.PlayFilter;
import io.rotation.userfeatures.play.service.PlayService;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The caller's own plays. */
@Path("/api/v1/plays")
@Authenticated
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class PlayResource {

    private final PlayService plays;
    private final CurrentUser caller;

    public PlayResource(PlayService plays, CurrentUser caller) {
        this.plays = plays;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Record one play; a retry of the same track and played_at answers 200 with the stored play")
    public Uni<Response> record(@NotNull @Valid NewPlay body) {
        return plays.record(caller.id(), body).map(recorded -> Response
                .status(recorded.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(recorded.play()).build());
    }

    @POST
    @Path("/batch")
    @Operation(summary = "Record up to 1,000 plays at once; retries are counted as duplicates, not stored again")
    public Uni<BatchResult> recordBatch(@NotNull @Valid NewPlayBatch body) {
        return plays.recordBatch(caller.id(), body.plays());
    }

    @GET
    @Operation(summary = "The caller's listening history, newest first: played_at in [from, to), optionally of one track")
    public Uni<Page<Play>> list(@QueryParam("from") String from, @QueryParam("to") String to,
                                @QueryParam("track_id") String trackId, @QueryParam("limit") Integer limit,
                                @QueryParam("cursor") String cursor) {
        return plays.list(caller.id(), PlayFilter.of(from, to, Params.optionalPositive("track_id", trackId)),
                PageRequest.of(limit, cursor));
    }
}
