package io.rotation.catalog.graphql.model;

import io.rotation.catalog.inventory.model.StoreInventory;
import java.math.BigDecimal;
import java.time.Instant;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Name;

/** A copy for sale in a store (an active store_inventory row); conditions are Discogs' labels. */
@Name("Copy")
@Description("A copy for sale in a store")
public class GqlCopy {

    public long id;
    public long storeId;
    public long recordId;
    @Description("Discogs media grading, e.g. \"Very Good Plus (VG+)\"")
    public String condition;
    public String sleeveCondition;
    public BigDecimal price;
    public String currency;
    public String comments;
    public String shipsFrom;
    public boolean allowOffers;
    public Instant listedAt;

    public static GqlCopy of(StoreInventory i) {
        GqlCopy c = new GqlCopy();
        c.id = i.id;
        c.storeId = i.storeId;
        c.recordId = i.recordId;
        c.condition = i.condition == null ? null : i.condition.label();
        c.sleeveCondition = i.sleeveCondition == null ? null : i.sleeveCondition.label();
        c.price = i.price;
        c.currency = i.currency;
        c.comments = i.comments;
        c.shipsFrom = i.shipsFrom;
        c.allowOffers = i.allowOffers;
        c.listedAt = i.listedAt;
        return c;
    }
}
