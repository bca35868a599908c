package io.rotation.matching.audio.rest;

import io.rotation.matching.audio.model.MatchList;
import io.rotation.matching.audio.model.MatchView;
import io.rotation.matching.audio.model.NewMatch;
import io.rotation.matching.audio.model.ReviewDecision;
import io.rotation.matching.audio.model.ReviewItem;
import io.rotation.matching.audio.service.MatchReader;
import io.rotation.matching.audio.service.ReviewService;
import io.rotation.platform.audit.AuditActor;
import io.rotation.platform.paging.Page;
import io.rotation.platform.paging.PageRequest;
import io.rotation.platform.problem.ProblemException;
import io.rotation.platform.rest.Params;
import io.rotation.platform.security.CurrentUser;
import io.rotation.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
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
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Where a track can be played. Reads are public, like the catalog pages they serve; the review queue,
 * verdicts and matches added by hand are for admins.
 */
@Path("/api/v1/matches")
@Produces(MediaType.APPLICATION_JSON)
public class MatchResource {

    private final MatchReader reader;
    private final ReviewService reviews;
    private final CurrentUser caller;

    public MatchResource(MatchReader reader, ReviewService reviews, CurrentUser caller) {
        this.reader = reader;
        this.reviews = reviews;
        this.caller = caller;
    }

    @GET
    @PermitAll
    @Operation(summary = "The playable matches (verified, auto-approved) of a track or of every track of a record, "
            + "best first; exactly one of track_id and record_id")
    public Uni<MatchList> list(@QueryParam("track_id") String trackId, @QueryParam("record_id") String recordId) {
        Long track = Params.optionalPositive("track_id", trackId);
        Long record = Params.optionalPositive("record_id", recordId);
        if ((track == null) == (record == null)) {
            throw ProblemException.invalidField(track == null ? "track_id" : "record_id",
                    "give exactly one of track_id and record_id");
        }
        return track != null ? reader.ofTrack(track) : reader.ofRecord(record);
    }

    @GET
    @Path("/review-queue")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Matches waiting for review, longest waiting first, with their score parts and the track's "
            + "candidates (admins)")
    public Uni<Page<ReviewItem>> reviewQueue(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        return reviews.queue(PageRequest.of(Params.optionalInteger("limit", limit), cursor));
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(summary = "One match, whatever its status")
    public Uni<MatchView> get(@PathParam("id") String id) {
        return reader.byId(Params.id(id));
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Review a match: status verified or rejected, with a reason (admins)")
    public Uni<MatchView> review(@PathParam("id") String id, ReviewDecision body, @Context HttpServerRequest request) {
        long matchId = Params.id(id);
        return reviews.decide(matchId, body, AuditActor.user(caller.id(), request));
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a track's audio by its URL on YouTube, Spotify, SoundCloud or Bandcamp; verified at once "
            + "(admins)")
    public Uni<Response> add(NewMatch body, @Context HttpServerRequest request) {
        return reviews.add(body, AuditActor.user(caller.id(), request)).map(match -> Response.created(URI.create("/api/v1/matches/" + match.id()))
                .entity(match).build());
    }
}
