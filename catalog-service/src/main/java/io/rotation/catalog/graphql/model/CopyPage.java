package io.rotation.catalog.graphql.model;

import java.util.List;
import org.eclipse.microprofile.graphql.Description;

/** A page of copies for sale. */
@Description("A page of copies for sale; nextCursor is the after of the next page, null on the last")
public record CopyPage(List<GqlCopy> items, String nextCursor) {
}
