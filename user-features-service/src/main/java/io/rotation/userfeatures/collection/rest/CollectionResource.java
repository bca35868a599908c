package io.rotation.userfeatures.collection.rest;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.rotation.platform.paging.Page;
import io.rotation.platform.paging.PageRequest;
import io.rotation.platform.rest.Params;
import io.rotation.platform.security.CurrentUser;
import io.rotation.userfeatures.collection.model.CollectionChanges;
import io.rotation.userfeatures.collection.model.CollectionItemView;
import io.rotation.userfeatures.collection.model.CollectionView;
import io.rotation.userfeatures.collection.model.ItemMove;
import io.rotation.userfeatures.collection.model.NewCollection;
import io.rotation.userfeatures.collection.model.NewItem;
import io.rotation.userfeatures.collection.service.CollectionService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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

/** Collections (playlists of tracks): the caller's own, and anyone's public ones. */
@Path("/api/v1/collections")
@Authenticated
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class CollectionResource {

    private final CollectionService collections;
    private final CurrentUser caller;
    private final CurrentIdentityAssociation identity;

    public CollectionResource(CollectionService collections, CurrentUser caller, CurrentIdentityAssociation identity) {
        this.collections = collections;
        this.caller = caller;
        this.identity = identity;
    }

    @POST
    @Operation(summary = "Create a collection (private unless is_public); 409 when the caller has one of that name")
    public Uni<Response> create(@NotNull @Valid NewCollection body) {
        return collections.create(caller.id(), body)
                .map(created -> Response.status(Response.Status.CREATED).entity(created).build());
    }

    @GET
    @Operation(summary = "The caller's collections, public and private, newest first")
    public Uni<Page<CollectionView>> mine(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        return collections.listOf(caller.id(), true, PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{id}")
    @PermitAll
    @Operation(summary = "A collection: public ones to anyone, private ones to their owner only (404 to others)")
    public Uni<CollectionView> get(@PathParam("id") String id) {
        long collectionId = Params.id(id);
        return callerId().chain(callerId -> collections.get(callerId, collectionId));
    }

    @PATCH
    @Path("/{id}")
    @Operation(summary = "Rename, describe, or make public or private (owner only)")
    public Uni<CollectionView> update(@PathParam("id") String id, @NotNull @Valid CollectionChanges body) {
        return collections.update(caller.id(), Params.id(id), body);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a collection and its items (owner only)")
    public Uni<Response> delete(@PathParam("id") String id) {
        return collections.delete(caller.id(), Params.id(id)).map(done -> Response.noContent().build());
    }

    @GET
    @Path("/{id}/items")
    @PermitAll
    @Operation(summary = "A collection's items by position, readable as the collection is")
    public Uni<Page<CollectionItemView>> items(@PathParam("id") String id, @QueryParam("limit") Integer limit,
                                               @QueryParam("cursor") String cursor) {
        long collectionId = Params.id(id);
        PageRequest page = PageRequest.of(limit, cursor);
        return callerId().chain(callerId -> collections.items(callerId, collectionId, page));
    }

    @POST
    @Path("/{id}/items")
    @Operation(summary = "Add a track (at the end, or at position); 201 when added, 200 when it was already there, "
            + "422 when the track does not exist")
    public Uni<Response> addItem(@PathParam("id") String id, @NotNull @Valid NewItem body) {
        return collections.addItem(caller.id(), Params.id(id), body).map(changed -> Response
                .status(changed.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(changed.value()).build());
    }

    @PATCH
    @Path("/{id}/items/{item_id}")
    @Operation(summary = "Move an item to a position; the items in between shift, positions stay 0..n-1")
    public Uni<CollectionItemView> moveItem(@PathParam("id") String id, @PathParam("item_id") String itemId,
                                            @NotNull @Valid ItemMove body) {
        return collections.moveItem(caller.id(), Params.id(id), Params.positive("item_id", itemId), body.position());
    }

    @DELETE
    @Path("/{id}/items/{item_id}")
    @Operation(summary = "Remove an item; the items after it move up one")
    public Uni<Response> removeItem(@PathParam("id") String id, @PathParam("item_id") String itemId) {
        return collections.removeItem(caller.id(), Params.id(id), Params.positive("item_id", itemId))
                .map(done -> Response.noContent().build());
    }

    private Uni<Long> callerId() {
        return identity.getDeferredIdentity().map(CurrentUser::idOf);
    }
}
