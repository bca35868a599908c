package io.rotation.catalog.graphql.model;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;

/** A page of records; pass nextCursor as after for the next one (null: no more). */
@Description("A page of records; nextCursor is the after of the next page, null on the last")
public record RecordPage(List<GqlRecord> items, String nextCursor) {
}
