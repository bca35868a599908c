package io.rotation.identity.store.rest;

import io.quarkus.security.Authenticated;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.rotation.identity.store.model.ManagerRole;
import io.rotation.identity.store.model.NewStore;
import io.rotation.identity.store.model.StoreUpdate;
import io.rotation.identity.store.model.StoreView;
import io.rotation.identity.store.service.StoreService;
import io.rotation.platform.audit.AuditActor;
import io.rotation.platform.paging.Page;
import io.rotation.platform.paging.PageRequest;
import io.rotation.platform.security.CurrentUser;
import io.rotation.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** Record stores: applications, public profiles, status (admins) and managers. */
@Path("/api/v1/stores")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class StoreResource {

    private final StoreService stores;
    private final CurrentUser caller;
    private final CurrentIdentityAssociation identities;

    public StoreResource(StoreService stores, CurrentUser caller, CurrentIdentityAssociation identities) {
        this.stores = stores;
        this.caller = caller;
        this.identities = identities;
    }

    @POST
    @Authenticated
    @Operation(summary = "Apply for a store: it starts pending and the caller is its owner "
            + "(refresh the access token to see it in store_ids)")
    public Uni<Response> apply(@NotNull @Valid NewStore body) {
        return stores.apply(caller.id(), body).map(store -> Response.created(URI.create("/api/v1/stores/" + store.id()))
                .entity(store).build());
    }

    @GET
    @Operation(summary = "Active stores by id; admins see every store and may filter by status")
    public Uni<Page<StoreView>> list(@QueryParam("status") String status, @QueryParam("limit") Integer limit,
                                     @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        return anyCaller().chain(c -> stores.list(status, c.id() != null, c.admin(), page));
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "A store; one that is not active exists only for admins and its managers")
    public Uni<StoreView> get(@PathParam("id") long id) {
        return anyCaller().chain(c -> stores.get(id, c.id(), c.admin()));
    }

    @PATCH
    @Path("/{id}")
    @Authenticated
    @Operation(summary = "Edit a store (owner, managers, admins); admins set its status")
    public Uni<StoreView> update(@PathParam("id") long id, @NotNull @Valid StoreUpdate body,
                                 @Context HttpServerRequest request) {
        return stores.update(id, AuditActor.user(caller.id(), request), caller.isAdmin(), body);
    }

    @PUT
    @Path("/{id}/managers/{user_id}")
    @Authenticated
    @Operation(summary = "Make a user a manager (or staff) of the store (owner, admins); 201 when new")
    public Uni<Response> putManager(@PathParam("id") long id, @PathParam("user_id") long userId,
                                    @Valid ManagerRole body) {
        String role = body == null ? new ManagerRole(null).roleOrDefault() : body.roleOrDefault();
        return stores.putManager(id, userId, caller.id(), caller.isAdmin(), role).map(granted -> Response
                .status(granted.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(granted.manager()).build());
    }

    @DELETE
    @Path("/{id}/managers/{user_id}")
    @Authenticated
    @Operation(summary = "Remove a manager from the store (owner, admins); the owner cannot be removed")
    public Uni<Response> removeManager(@PathParam("id") long id, @PathParam("user_id") long userId) {
        return stores.removeManager(id, userId, caller.id(), caller.isAdmin())
                .replaceWith(Response.noContent().build());
    }

    /** The caller of an endpoint open to anonymous callers, resolved without blocking. */
    private Uni<Caller> anyCaller() {
        return identities.getDeferredIdentity().map(StoreResource::caller);
    }

    private static Caller caller(SecurityIdentity identity) {
        if (identity.isAnonymous()) {
            return new Caller(null, false);
        }
        try {
            return new Caller(Long.valueOf(((JsonWebToken) identity.getPrincipal()).getSubject()),
                    identity.hasRole(Roles.ADMIN));
        } catch (RuntimeException e) {
            throw new UnauthorizedException("token subject is not a user id");
        }
    }

    private record Caller(Long id, boolean admin) {
    }

}
