package io.rotation.catalog.inventory.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.rotation.catalog.inventory.model.Caller;
import io.rotation.catalog.inventory.model.InventoryView;
import io.rotation.catalog.inventory.model.NewInventory;
import io.rotation.catalog.inventory.repository.InventoryRepository;
import io.rotation.catalog.inventory.service.InventoryInput;
import io.rotation.catalog.inventory.service.InventoryService;
import io.rotation.platform.paging.Page;
import io.rotation.platform.paging.PageRequest;
import io.rotation.platform.problem.ProblemException;
import io.rotation.platform.rest.Params;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.util.List;
import java.util.function.BiFunction;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Copies for sale in stores. Reading is public (for sale and sold copies; managers and admins also
 * see drafts, reserved and removed ones of their stores); writing is for the store's managers
 * ({@code store_ids} in their token) and admins.
 */
@Path("/api/v1/inventory")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class InventoryResource {

    private final InventoryService service;
    private final CurrentIdentityAssociation identity;

    public InventoryResource(InventoryService service, CurrentIdentityAssociation identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    @PermitAll
    @Operation(summary = "Copies in stores, filtered (store, record, condition, price range, status), newest first, "
            + "cursor pages")
    public Uni<Page<InventoryView>> list(@QueryParam("store_id") String storeId,
                                         @QueryParam("record_id") String recordId,
                                         @QueryParam("condition") String condition,
                                         @QueryParam("min_price") String minPrice,
                                         @QueryParam("max_price") String maxPrice,
                                         @QueryParam("status") String status,
                                         @QueryParam("cursor") String cursor,
                                         @QueryParam("limit") Integer limit) {
        PageRequest page = PageRequest.of(limit, cursor);
        BigDecimal min = InventoryInput.optionalPrice("min_price", minPrice);
        BigDecimal max = InventoryInput.optionalPrice("max_price", maxPrice);
        if (min != null && max != null && min.compareTo(max) > 0) {
            throw ProblemException.invalidField("max_price", "must not be below min_price");
        }
        Long store = Params.optionalPositive("store_id", storeId);
        Long record = Params.optionalPositive("record_id", recordId);
        var grade = InventoryInput.optionalCondition(condition);
        var state = InventoryInput.optionalStatus(status);
        Long before = page.first() ? null : page.afterPart(0, Long::valueOf);
        return caller(null).chain(caller -> service.list(caller, new InventoryRepository.Query(store, record, grade, min,
                max, state, caller.admin(), List.copyOf(caller.managedStores()), before, page.limit()), page));
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(summary = "One copy (404 also when the caller may not see it)")
    public Uni<InventoryView> get(@PathParam("id") String id) {
        return onCopy(id, null, service::get);
    }

    @POST
    @Authenticated
    @Operation(summary = "Add a copy to a store's inventory (its managers and admins); announces InventoryListed")
    public Uni<Response> create(NewInventory body, @Context HttpServerRequest request) {
        return caller(request).chain(caller -> service.create(caller, body))
                .map(v -> Response.created(URI.create("/api/v1/inventory/" + v.id())).entity(v).build());
    }

    @PATCH
    @Path("/{id}")
    @Authenticated
    @Operation(summary = "Change price, conditions, status (sold sets sold_at), comments, location, … of a copy; "
            + "announces InventoryChanged, InventorySold or InventoryRemoved")
    public Uni<InventoryView> patch(@PathParam("id") String id, JsonNode body,
                                    @Context HttpServerRequest request) {
        return onCopy(id, request, (caller, inventoryId) -> service.patch(caller, inventoryId, body));
    }

    @DELETE
    @Path("/{id}")
    @Authenticated
    @Operation(summary = "Mark a copy removed (kept for history); announces InventoryRemoved")
    public Uni<Response> delete(@PathParam("id") String id, @Context HttpServerRequest request) {
        return onCopy(id, request, service::remove).map(v -> Response.noContent().build());
    }

    /** The copy's id checked first (a malformed one is a 400 whoever calls), then the action as the caller. */
    private <T> Uni<T> onCopy(String id, HttpServerRequest request, BiFunction<Caller, Long, Uni<T>> action) {
        long inventoryId = Params.id(id);
        return caller(request).chain(caller -> action.apply(caller, inventoryId));
    }

    /**
     * The caller once the token is verified (authentication is lazy: never block the event loop for it); for
     * writes, with the request that the audit trail names.
     */
    private Uni<Caller> caller(HttpServerRequest request) {
        return identity.getDeferredIdentity().map(id -> Caller.of(id, request));
    }
}
