package io.rotation.userfeatures.favorite.rest;

import io.quarkus.security.Authenticated;
import io.rotation.platform.paging.Page;
import io.rotation.platform.paging.PageRequest;
import io.rotation.platform.rest.Params;
import io.rotation.platform.security.CurrentUser;
import io.rotation.userfeatures.favorite.model.FavoriteItem;
import io.rotation.userfeatures.favorite.service.FavoriteService;
import io.rotation.userfeatures.projection.model.Reference;
import io.rotation.userfeatures.shared.rest.UserTargetAnswers;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The caller's favorites: tracks, records, stores and audio matches. */
@Path("/api/v1/favorites")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class FavoriteResource {

    private final FavoriteService favorites;
    private final CurrentUser caller;

    public FavoriteResource(FavoriteService favorites, CurrentUser caller) {
        this.favorites = favorites;
        this.caller = caller;
    }

    @PUT
    @Path("/{type}/{id}")
    @Operation(summary = "Favorite a track, record, store or audio match: 201 when new, 200 when it already was; "
            + "404 when the thing does not exist")
    public Uni<Response> add(@PathParam("type") String type, @PathParam("id") String id) {
        Reference kind = UserTargetAnswers.type(type, FavoriteService.TYPES);
        return favorites.add(caller.id(), kind, Params.id(id)).map(UserTargetAnswers::put);
    }

    @DELETE
    @Path("/{type}/{id}")
    @Operation(summary = "Remove a favorite; 204 also when there was none")
    public Uni<Response> remove(@PathParam("type") String type, @PathParam("id") String id) {
        Reference kind = UserTargetAnswers.type(type, FavoriteService.TYPES);
        return favorites.remove(caller.id(), kind, Params.id(id)).map(UserTargetAnswers::deleted);
    }

    @GET
    @Operation(summary = "The caller's favorites, newest first, of one type or all")
    public Uni<Page<FavoriteItem>> list(@QueryParam("type") String type, @QueryParam("limit") Integer limit,
                                        @QueryParam("cursor") String cursor) {
        Reference kind = UserTargetAnswers.optionalType(type, FavoriteService.TYPES);
        return favorites.list(caller.id(), kind, PageRequest.of(limit, cursor));
    }
}
