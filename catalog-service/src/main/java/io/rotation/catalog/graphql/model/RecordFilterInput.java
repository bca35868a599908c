package io.rotation.catalog.graphql.model;

import io.rotation.catalog.record.model.RecordFilter;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

/** GraphQL's records filter: the same filters as GET /api/v1/records. */
@Input("RecordFilter")
@Description("Filters of records, combined with AND (as GET /api/v1/records)")
public class RecordFilterInput {

    @Description("Words of the artist name, each a prefix, all required")
    public String artist;
    @Description("Words of artist or title, each a prefix, all required")
    public String q;
    @Description("Genres the record has all of")
    public List<String> genres;
    @Description("Styles the record has all of")
    public List<String> styles;
    public Integer yearFrom;
    public Integer yearTo;
    @Description("Release country, case-insensitive")
    public String country;
    @Description("A label's exact name")
    public String label;
    @Description("Only records with a copy for sale in this store")
    public Long storeId;

    public RecordFilter toFilter() {
        return new RecordFilter(artist, q, genres, styles, yearFrom, yearTo, country, label, storeId);
    }
}
