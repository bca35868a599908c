package io.rotation.userfeatures.collection.rest;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.rotation.platform.paging.Page;
import io.rotation.platform.paging.PageRequest;
import io.rotation.platform.rest.Params;
import io.rotation.platform.security.CurrentUser;
import io.rotation.userfeatures.collection.model.CollectionView;
import io.rotation.userfeatures.collection.service.CollectionService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** A user's collections as others see them: the public ones (all of them to the user themself). */
@Path("/api/v1/users/{id}/collections")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class UserCollectionsResource {

    private final CollectionService collections;
    private final CurrentIdentityAssociation identity;

    public UserCollectionsResource(CollectionService collections, CurrentIdentityAssociation identity) {
        this.collections = collections;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "A user's public collections, newest first (their private ones too when they ask)")
    public Uni<Page<CollectionView>> list(@PathParam("id") String id, @QueryParam("limit") Integer limit,
                                          @QueryParam("cursor") String cursor) {
        long userId = Params.id(id);
        PageRequest page = PageRequest.of(limit, cursor);
        return identity.getDeferredIdentity().map(CurrentUser::idOf).chain(callerId -> collections.listOf(userId,
                callerId != null && callerId == userId, page));
    }
}
