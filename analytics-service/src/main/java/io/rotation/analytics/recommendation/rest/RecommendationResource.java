package io.rotation.analytics.recommendation.rest;

import io.rotation.analytics.recommendation.model.Recommendation;
import io.rotation.analytics.recommendation.service.RecommendationService;
import io.rotation.platform.rest.Params;
import io.rotation.platform.security.CurrentUser;
import io.smallrye.mutiny.Uni;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Discovery: records for the caller, and records like a record. */
@Path("/api/v1")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class RecommendationResource {

    private final RecommendationService recommendations;
    private final CurrentUser caller;

    public RecommendationResource(RecommendationService recommendations, CurrentUser caller) {
        this.recommendations = recommendations;
        this.caller = caller;
    }

    @GET
    @Path("/recommendations")
    @Operation(summary = "Records for the caller ({items: [{record_id, score, reasons}]}), none they played or "
            + "favourited; never empty while the catalog has records")
    public Uni<Map<String, List<Recommendation>>> mine(@QueryParam("limit") String limit) {
        Integer n = Params.optionalInteger("limit", limit);
        long userId = caller.id();
        return recommendations.forUser(userId, n).map(items -> Map.of("items", items));
    }

    @GET
    @Path("/similar/records/{id}")
    @Operation(summary = "Records like this one: listened to by the same people, then by artist, styles and genres")
    public Uni<Map<String, List<Recommendation>>> similar(@PathParam("id") String id,
                                                          @QueryParam("limit") String limit) {
        long recordId = Params.id(id);
        Integer n = Params.optionalInteger("limit", limit);
        return recommendations.similarTo(recordId, n).map(items -> Map.of("items", items));
    }
}
