package io.rotation.catalog.inventory.model;

import io.rotation.catalog.record.model.RecordStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import org.hibernate.annotations.ColumnTransformer;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * A row of {@code store_inventory}: one copy for sale. {@code store_id} is identity's store id.
 * Conditions are Discogs labels such as 'Near Mint (NM or M-)', converted to Java enums; the write
 * cast lets the label bind to the Postgres enum.
 */
@Entity
@Table(name = "store_inventory")
public class StoreInventory {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "store_id", nullable = false)
    public long storeId;

    @Column(name = "record_id", nullable = false)
    public long recordId;

    @Column(name = "discogs_listing_id")
    public Long discogsListingId;

    @Convert(converter = RecordConditionConverter.class)
    @ColumnTransformer(write = "cast(? as record_condition)")
    @Column(name = "condition", nullable = false, columnDefinition = "record_condition")
    public RecordCondition condition;

    @Convert(converter = SleeveConditionConverter.class)
    @ColumnTransformer(write = "cast(? as sleeve_condition)")
    @Column(name = "sleeve_condition", columnDefinition = "sleeve_condition")
    public SleeveCondition sleeveCondition;

    @Column(name = "price", nullable = false, precision = 12, scale = 2)
    public BigDecimal price;

    @JdbcTypeCode(SqlTypes.CHAR)
    @Column(name = "currency", nullable = false, length = 3)
    public String currency;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    @Column(name = "status", nullable = false, columnDefinition = "record_status")
    public RecordStatus status;

    @Column(name = "comments")
    public String comments;

    @Column(name = "location", length = 255)
    public String location;

    @Column(name = "ships_from", length = 128)
    public String shipsFrom;

    @Column(name = "allow_offers", nullable = false)
    public boolean allowOffers;

    @Column(name = "listed_at")
    public Instant listedAt;

    @Column(name = "sold_at")
    public Instant soldAt;

    @Column(name = "last_synced_at")
    public Instant lastSyncedAt;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false, insertable = false, updatable = false)
    public Instant updatedAt;
}
