package io.rotation.catalog.record.rest;

import io.rotation.catalog.record.model.RecordDetail;
import io.rotation.catalog.record.model.RecordFilter;
import io.rotation.catalog.record.model.RecordSort;
import io.rotation.catalog.record.model.RecordSummary;
import io.rotation.catalog.record.model.TrackView;
import io.rotation.catalog.record.service.RecordQueries;
import io.rotation.catalog.record.service.RecordSearch;
import io.rotation.platform.paging.Page;
import io.rotation.platform.rest.Params;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.RestResponse.ResponseBuilder;

/**
 * Public reads of the catalog: record search, a record with its tracks and copies in stock, a track. A record
 * page is the same for every caller, so shared caches (the gateway's) may keep it for
 * {@code rotation.catalog.record-page.max-age} (1 s; nginx counts whole seconds, so under 2 s): the page a
 * listener sees may be that much older than a write, and a burst of readers of one record costs catalog one read
 * a second.
 */
@Path("/api/v1")
@PermitAll
@Produces(MediaType.APPLICATION_JSON)
public class RecordResource {

    private final RecordQueries queries;
    private final RecordSearch search;
    private final String pageCacheControl;

    public RecordResource(RecordQueries queries, RecordSearch search,
                          @ConfigProperty(name = "rotation.catalog.record-page.max-age", defaultValue = "1s")
                          Duration pageMaxAge) {
        this.queries = queries;
        this.search = search;
        this.pageCacheControl = pageMaxAge.toSeconds() > 0 ? "public, max-age=" + pageMaxAge.toSeconds() : "no-cache";
    }

    @GET
    @Path("/records")
    @Operation(summary = "Search and browse records (active ones), a cursor page {items, next_cursor}")
    public Uni<Page<RecordSummary>> records(
            @Parameter(description = "words of the artist name, each a prefix, all required")
            @QueryParam("artist") String artist,
            @Parameter(description = "words of artist or title, each a prefix, all required")
            @QueryParam("q") String q,
            @Parameter(description = "a genre the record has (repeat for all of several)")
            @QueryParam("genre") List<String> genres,
            @Parameter(description = "a style the record has (repeat for all of several)")
            @QueryParam("style") List<String> styles,
            @QueryParam("year_from") String yearFrom,
            @QueryParam("year_to") String yearTo,
            @Parameter(description = "release country, case-insensitive") @QueryParam("country") String country,
            @Parameter(description = "a label's exact name") @QueryParam("label") String label,
            @Parameter(description = "only records with a copy for sale in this store")
            @QueryParam("store_id") String storeId,
            @Parameter(description = "title, -title, artist (default), -artist, year, -year, created_at, "
                    + "-created_at, relevance (default with q)") @QueryParam("sort") String sort,
            @Parameter(description = "1..100, default 20") @QueryParam("limit") String limit,
            @Parameter(description = "next_cursor of the previous page") @QueryParam("cursor") String cursor) {
        RecordFilter filter = new RecordFilter(artist, q, genres, styles,
                Params.optionalInteger("year_from", yearFrom), Params.optionalInteger("year_to", yearTo), country,
                label, Params.optionalPositive("store_id", storeId));
        Integer size = Params.optionalInteger("limit", limit);
        return search.search(filter, RecordSort.of(sort, filter), size == null ? RecordSearch.DEFAULT_LIMIT : size,
                cursor, "limit", "cursor");
    }

    @GET
    @Path("/records/{id}")
    @Operation(summary = "A record with its tracks (tracklist order) and the copies for sale in stores")
    @APIResponse(responseCode = "200", description = "The record page (served from the Redis cache when present)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = RecordDetail.class)))
    public Uni<RestResponse<byte[]>> record(@PathParam("id") String id) {
        return queries.recordPage(Params.id(id)).map(page -> ResponseBuilder.ok(page)
                .header(HttpHeaders.CACHE_CONTROL, pageCacheControl).build());
    }

    @GET
    @Path("/tracks/{id}")
    @Operation(summary = "A track")
    public Uni<TrackView> track(@PathParam("id") String id) {
        return queries.track(Params.id(id));
    }
}
