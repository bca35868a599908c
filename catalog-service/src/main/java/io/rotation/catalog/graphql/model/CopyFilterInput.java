package io.rotation.catalog.graphql.model;

import java.math.BigDecimal;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;

/** GraphQL's inventory filter (copies for sale only). */
@Input("CopyFilter")
@Description("Filters of copies for sale, combined with AND")
public class CopyFilterInput {

    public Long storeId;
    public Long recordId;
    @Description("Discogs media grading, exactly as Discogs spells it")
    public String condition;
    public BigDecimal minPrice;
    public BigDecimal maxPrice;
}
