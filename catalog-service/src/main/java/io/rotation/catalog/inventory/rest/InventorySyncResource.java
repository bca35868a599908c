package io.rotation.catalog.inventory.rest;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.rotation.catalog.inventory.model.Caller;
import io.rotation.catalog.inventory.model.SyncRequest;
import io.rotation.catalog.inventory.model.SyncRunView;
import io.rotation.catalog.inventory.service.SyncJobs;
import io.rotation.platform.problem.ProblemException;
import io.rotation.platform.rest.Params;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Syncs of a store's inventory with its Discogs listings (the store's managers and admins). */
@Path("/api/v1/inventory/sync")
@Authenticated
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class InventorySyncResource {

    private final SyncJobs jobs;
    private final CurrentIdentityAssociation identity;

    public InventorySyncResource(SyncJobs jobs, CurrentIdentityAssociation identity) {
        this.jobs = jobs;
        this.identity = identity;
    }

    @POST
    @Operation(summary = "Start making the store's inventory equal to its Discogs listings, in the background "
            + "(202 with the job id)")
    public Uni<Response> start(SyncRequest body, @Context HttpServerRequest request) {
        if (body == null) {
            throw ProblemException.invalidField("store_id", "is required: a positive store id");
        }
        return identity.getDeferredIdentity().map(id -> Caller.of(id, request))
                .chain(caller -> jobs.start(caller, body.storeId())).map(run -> Response.accepted(run)
                .location(URI.create("/api/v1/inventory/sync/" + run.id())).build());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Status and counts of a store sync (added, updated, removed, releases fetched, requests, "
            + "429s)")
    public Uni<SyncRunView> get(@PathParam("id") String id) {
        long runId = Params.id(id);
        return caller().chain(caller -> jobs.find(caller, runId));
    }

    private Uni<Caller> caller() {
        return identity.getDeferredIdentity().map(Caller::of);
    }
}
