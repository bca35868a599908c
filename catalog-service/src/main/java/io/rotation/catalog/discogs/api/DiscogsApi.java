package io.rotation.catalog.discogs.api;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The two Discogs REST API calls of the store sync (MicroProfile REST client, built by
 * {@link DiscogsClient} with its base URL, headers and timeouts). Answers are read raw: the client
 * needs the rate-limit headers and status of every answer, 429 included.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public interface DiscogsApi {

    /** One page of a seller's marketplace inventory. */
    @GET
    @Path("users/{username}/inventory")
    Response inventory(@PathParam("username") String username, @QueryParam("page") int page,
                       @QueryParam("per_page") int perPage, @HeaderParam("Authorization") String authorization);

    @GET
    @Path("releases/{id}")
    Response release(@PathParam("id") long releaseId);
}
