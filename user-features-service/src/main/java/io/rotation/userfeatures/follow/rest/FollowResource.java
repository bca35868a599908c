package io.rotation.userfeatures.follow.rest;

import io.quarkus.security.Authenticated;
import io.rotation.platform.paging.Page;
import io.rotation.platform.paging.PageRequest;
import io.rotation.platform.problem.ProblemException;
import io.rotation.platform.problem.ProblemType;
import io.rotation.platform.rest.Params;
import io.rotation.platform.security.CurrentUser;
import io.rotation.userfeatures.follow.model.FollowItem;
import io.rotation.userfeatures.follow.model.Follower;
import io.rotation.userfeatures.follow.service.FollowService;
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

/** Whom the caller follows, and who follows the caller or a store the caller manages. */
@Path("/api/v1/follows")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class FollowResource {

    private final FollowService follows;
    private final CurrentUser caller;

    public FollowResource(FollowService follows, CurrentUser caller) {
        this.follows = follows;
        this.caller = caller;
    }

    @PUT
    @Path("/{type}/{id}")
    @Operation(summary = "Follow a store or a user: 201 when new, 200 when already followed; 404 when it does not "
            + "exist, 422 for yourself")
    public Uni<Response> follow(@PathParam("type") String type, @PathParam("id") String id) {
        Reference kind = UserTargetAnswers.type(type, FollowService.TYPES);
        return follows.follow(caller.id(), kind, Params.id(id)).map(UserTargetAnswers::put);
    }

    @DELETE
    @Path("/{type}/{id}")
    @Operation(summary = "Stop following; 204 also when there was no follow")
    public Uni<Response> unfollow(@PathParam("type") String type, @PathParam("id") String id) {
        Reference kind = UserTargetAnswers.type(type, FollowService.TYPES);
        return follows.unfollow(caller.id(), kind, Params.id(id)).map(UserTargetAnswers::deleted);
    }

    @GET
    @Operation(summary = "Whom the caller follows, newest first, of one type or both")
    public Uni<Page<FollowItem>> following(@QueryParam("type") String type, @QueryParam("limit") Integer limit,
                                           @QueryParam("cursor") String cursor) {
        Reference kind = UserTargetAnswers.optionalType(type, FollowService.TYPES);
        return follows.following(caller.id(), kind, PageRequest.of(limit, cursor));
    }

    @GET
    @Path("/{type}/{id}/followers")
    @Operation(summary = "Who follows a user (that user or an admin may ask) or a store (its managers or an admin), "
            + "newest first")
    public Uni<Page<Follower>> followers(@PathParam("type") String type, @PathParam("id") String id,
                                         @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        Reference kind = UserTargetAnswers.type(type, FollowService.TYPES);
        long target = Params.id(id);
        boolean allowed = caller.isAdmin() || (kind == Reference.user ? caller.id() == target
                : caller.managedStoreIds().contains(target));
        if (!allowed) {
            throw new ProblemException(ProblemType.FORBIDDEN, "only the " + kind + " itself"
                    + (kind == Reference.store ? "'s managers" : "") + " or an admin may list its followers");
        }
        return follows.followers(kind, target, PageRequest.of(limit, cursor));
    }
}
