package io.rotation.config.maintenance.rest;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.rotation.config.maintenance.model.MaintenanceWindowInput;
import io.rotation.config.maintenance.model.MaintenanceWindowView;
import io.rotation.config.maintenance.service.MaintenanceService;
import io.rotation.platform.paging.Page;
import io.rotation.platform.paging.PageRequest;
import io.rotation.platform.rest.Params;
import io.rotation.platform.security.CurrentUser;
import io.rotation.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Maintenance windows: scheduled by admins, announced before they start, readable by anyone. */
@Path("/api/v1/maintenance-windows")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class MaintenanceWindowResource {

    private final MaintenanceService maintenance;
    private final CurrentUser caller;
    private final CurrentIdentityAssociation identities;

    public MaintenanceWindowResource(MaintenanceService maintenance, CurrentUser caller,
                                     CurrentIdentityAssociation identities) {
        this.maintenance = maintenance;
        this.caller = caller;
        this.identities = identities;
    }

    @GET
    @PermitAll
    @Operation(summary = "Windows in progress or to come, by start (admins: include_past=true adds ended and cancelled ones)")
    public Uni<Page<MaintenanceWindowView>> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor,
                                                 @QueryParam("include_past") boolean includePast) {
        PageRequest page = PageRequest.of(limit, cursor);
        return identities.getDeferredIdentity()
                .chain(identity -> maintenance.list(page, includePast && identity.hasRole(Roles.ADMIN)));
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(summary = "One window")
    public Uni<MaintenanceWindowView> get(@PathParam("id") String id) {
        return maintenance.get(Params.id(id));
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Schedule a window {title, message?, starts_at, ends_at, affected_services?, read_only?, notify_before_minutes?}")
    public Uni<Response> create(@NotNull MaintenanceWindowInput body) {
        return maintenance.create(caller.id(), body).map(w -> Response.status(Response.Status.CREATED).entity(w).build());
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Change a window; the fields sent change (a new start is announced again)")
    public Uni<MaintenanceWindowView> change(@PathParam("id") String id, @NotNull MaintenanceWindowInput body) {
        return maintenance.change(caller.id(), Params.id(id), body);
    }

    @POST
    @Path("/{id}/cancel")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Cancel a window, also one in progress (ends it now)")
    public Uni<MaintenanceWindowView> cancel(@PathParam("id") String id) {
        return maintenance.cancel(caller.id(), Params.id(id));
    }
}
