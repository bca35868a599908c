package io.rotation.catalog.graphql;

import io.rotation.catalog.graphql.model.CopyFilterInput;
import io.rotation.catalog.graphql.model.CopyPage;
import io.rotation.catalog.graphql.model.GqlCopy;
import io.rotation.catalog.graphql.model.GqlRecord;
import io.rotation.catalog.graphql.model.GqlTrack;
import io.rotation.catalog.graphql.model.RecordFilterInput;
import io.rotation.catalog.graphql.model.RecordPage;
import io.rotation.catalog.graphql.service.CopyQueries;
import io.rotation.catalog.record.model.RecordFilter;
import io.rotation.catalog.record.model.RecordSort;
import io.rotation.catalog.record.service.RecordQueries;
import io.rotation.catalog.record.service.RecordSearch;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

/**
 * The catalog over GraphQL at /graphql, anonymous (public data). Records are searched by the same
 * {@link RecordSearch} as GET /api/v1/records; a record's tracks and copies in stock, and a copy's
 * record, are resolved for a whole page at once (batch resolvers: one statement each, whatever the
 * page size).
 */
@GraphQLApi
@PermitAll
public class CatalogGraphQL {

    /**
     * Record.inStock's bound: with the query depth and complexity limits (application.properties)
     * it keeps the largest answer a query can ask for small, however Copy.record and Record.inStock
     * are nested.
     */
    static final int IN_STOCK_PER_RECORD = 20;

    private final RecordSearch search;
    private final RecordQueries records;
    private final CopyQueries copies;

    public CatalogGraphQL(RecordSearch search, RecordQueries records, CopyQueries copies) {
        this.search = search;
        this.records = records;
        this.copies = copies;
    }

    @Query("records")
    @Description("Active records matching the filter, a page at a time (sort as in GET /api/v1/records: title, "
            + "-title, artist, -artist, year, -year, created_at, -created_at, relevance; default relevance with q, "
            + "else artist)")
    public Uni<RecordPage> records(@Name("filter") RecordFilterInput filter, @Name("sort") String sort,
                                   @Name("first") @DefaultValue("20") int first, @Name("after") String after) {
        RecordFilter f = filter == null ? RecordFilter.none() : filter.toFilter();
        return search.search(f, RecordSort.of(sort, f), first, after, "first", "after")
                .map(page -> new RecordPage(page.items().stream().map(GqlRecord::of).toList(), page.nextCursor()));
    }

    @Query("record")
    @Description("A record by id")
    public Uni<GqlRecord> record(@Name("id") long id) {
        return records.recordRow(id).map(GqlRecord::of);
    }

    @Query("track")
    @Description("A track by id")
    public Uni<GqlTrack> track(@Name("id") long id) {
        return records.trackRow(id).map(GqlTrack::of);
    }

    @Query("inventory")
    @Description("Copies for sale in stores, newest first")
    public Uni<CopyPage> inventory(@Name("filter") CopyFilterInput filter,
                                   @Name("first") @DefaultValue("20") int first, @Name("after") String after) {
        return copies.copies(filter, first, after);
    }

    /** Record.tracks for a whole page of records in one statement. */
    @Description("The tracklist in order")
    public Uni<List<List<GqlTrack>>> tracks(@Source List<GqlRecord> page) {
        return records.tracksOf(page.stream().map(r -> r.id).distinct().toList()).map(byRecord -> page.stream()
                .map(r -> byRecord.getOrDefault(r.id, List.of()).stream().map(GqlTrack::of).toList()).toList());
    }

    /** Copy.record for a whole page of copies in one statement. */
    @Name("record")
    @Description("The record this is a copy of")
    public Uni<List<GqlRecord>> copyRecord(@Source List<GqlCopy> page) {
        return records.recordsByIds(page.stream().map(c -> c.recordId).distinct().toList()).map(byId -> page.stream()
                .map(c -> byId.containsKey(c.recordId) ? GqlRecord.of(byId.get(c.recordId)) : null).toList());
    }

    /** Record.inStock for a whole page of records in one statement. */
    @Description("The copies for sale, cheapest first (at most " + IN_STOCK_PER_RECORD + "; inventory pages through all)")
    public Uni<List<List<GqlCopy>>> inStock(@Source List<GqlRecord> page) {
        return records.copiesOf(page.stream().map(r -> r.id).distinct().toList(), IN_STOCK_PER_RECORD).map(byRecord -> page.stream()
                .map(r -> byRecord.getOrDefault(r.id, List.of()).stream().map(GqlCopy::of).toList()).toList());
    }
}
