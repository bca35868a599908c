package io.rotation.catalog.graphql.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.rotation.catalog.record.model.CatalogRecord;
import io.rotation.catalog.record.model.RecordSummary;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;

/**
 * A record in GraphQL. The JSONB structures of REST are flattened to names (GraphQL has no JSON
 * scalar here); tracks and inStock are resolved in batches by {@code CatalogGraphQL}.
 */
@Name("Record")
@Description("A Discogs release in the catalog")
public class GqlRecord {

    public long id;
    public Long discogsReleaseId;
    public String artist;
    public String title;
    public Integer year;
    public List<String> genres;
    public List<String> styles;
    @Description("Format names, e.g. Vinyl")
    public List<String> formats;
    public String thumbnail;

    public static GqlRecord of(RecordSummary s) {
        GqlRecord r = new GqlRecord();
        r.id = s.id();
        r.discogsReleaseId = s.discogsReleaseId();
        r.artist = s.artist();
        r.title = s.title();
        r.year = s.year();
        r.genres = s.genres();
        r.styles = s.styles();
        r.formats = names(s.formats());
        r.thumbnail = s.thumbnail();
        return r;
    }

    public static GqlRecord of(CatalogRecord c) {
        GqlRecord r = new GqlRecord();
        r.id = c.id;
        r.discogsReleaseId = c.discogsReleaseId;
        r.artist = c.artist;
        r.title = c.title;
        r.year = c.releaseYear == null ? null : c.releaseYear.intValue();
        r.genres = c.genres == null ? List.of() : Arrays.asList(c.genres);
        r.styles = c.styles == null ? List.of() : Arrays.asList(c.styles);
        r.formats = names(c.formats);
        r.thumbnail = c.thumbUrl;
        return r;
    }

    private static List<String> names(JsonNode formats) {
        List<String> names = new ArrayList<>();
        if (formats != null) {
            formats.forEach(f -> {
                String name = f.path("name").asText("");
                if (!name.isEmpty()) {
                    names.add(name);
                }
            });
        }
        return names;
    }
}
