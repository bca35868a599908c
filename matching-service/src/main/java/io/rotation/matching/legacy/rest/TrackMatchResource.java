package io.rotation.matching.legacy.rest;

import io.rotation.matching.legacy.model.TrackMatchView;
import io.rotation.matching.legacy.repository.TrackMatchRepository;
import io.rotation.platform.rest.Params;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The deprecated one-video-per-track API, for clients that still read it: use /api/v1/matches. */
@Path("/api/v1/track-matches")
@Produces(MediaType.APPLICATION_JSON)
public class TrackMatchResource {

    private final TrackMatchRepository trackMatches;

    public TrackMatchResource(TrackMatchRepository trackMatches) {
        this.trackMatches = trackMatches;
    }

    @GET
    @PermitAll
    @Deprecated
    @Operation(summary = "DEPRECATED: the track's primary YouTube match in the legacy shape (use /api/v1/matches)",
            deprecated = true)
    public Uni<List<TrackMatchView>> ofTrack(@QueryParam("track_id") String trackId) {
        return trackMatches.ofTrack(Params.positive("track_id", trackId));
    }
}
