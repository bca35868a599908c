package io.rotation.catalog.record.rest;

import io.rotation.catalog.record.model.RecordDetail;
import io.rotation.catalog.record.model.TrackView;
import io.rotation.catalog.record.service.RecordQueries;
import io.rotation.catalog.rest.Ids;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Public reads of the catalog: a record with its tracks and copies in stock, a track. */
@Path("/api/v1")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class RecordResource {

    private final RecordQueries queries;

    public RecordResource(RecordQueries queries) {
        this.queries = queries;
    }

    @GET
    @Path("/records/{id}")
    @Operation(summary = "A record with its tracks (tracklist order) and the copies for sale in stores")
    public Uni<RecordDetail> record(@PathParam("id") String id) {
        return queries.record(Ids.parse(id));
    }

    @GET
    @Path("/tracks/{id}")
    @Operation(summary = "A track")
    public Uni<TrackView> track(@PathParam("id") String id) {
        return queries.track(Ids.parse(id));
    }
}
