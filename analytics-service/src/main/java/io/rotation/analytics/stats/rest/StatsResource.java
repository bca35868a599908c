package io.rotation.analytics.stats.rest;

import io.quarkus.security.Authenticated;
import io.rotation.analytics.stats.service.StatsService;
import io.rotation.analytics.stats.service.UserStats;
import io.rotation.platform.security.CurrentUser;
import io.smallrye.mutiny.Uni;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1/stats")
@Produces(MediaType.APPLICATION_JSON)
public class StatsResource {

    private final StatsService stats;
    private final CurrentUser caller;

    public StatsResource(StatsService stats, CurrentUser caller) {
        this.stats = stats;
        this.caller = caller;
    }

    @GET
    @Path("/me")
    @Authenticated
    @Operation(summary = "The caller's total plays and listening time, top tracks and plays per day (newest first)")
    public Uni<UserStats> me(@QueryParam("days") @DefaultValue("30") @Min(1) @Max(366) int days,
                             @QueryParam("top") @DefaultValue("10") @Min(1) @Max(100) int top) {
        return stats.forUser(caller.id(), days, top);
    }
}
