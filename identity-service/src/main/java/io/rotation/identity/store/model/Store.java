package io.rotation.identity.store.model;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** A row of {@code stores}: a record store, its public profile, location and Discogs seller account. */
@Entity
@Table(name = "stores")
public class Store {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, length = 64)
    public String slug;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(columnDefinition = "text")
    public String description;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.NAMED_ENUM)
    @Column(nullable = false, columnDefinition = "store_status")
    public StoreStatus status;

    /** Null once the owner's account is erased (ON DELETE SET NULL): the store outlives its owner. */
    @Column(name = "owner_user_id")
    public Long ownerUserId;

    @Column(name = "discogs_username", length = 64)
    public String discogsUsername;

    @Column(name = "discogs_sync_enabled", nullable = false)
    public boolean discogsSyncEnabled;

    @Column(name = "last_synced_at")
    public Instant lastSyncedAt;

    @Column(length = 320)
    public String email;

    @Column(length = 32)
    public String phone;

    @Column(name = "website_url", length = 2048)
    public String websiteUrl;

    @Column(name = "logo_url", length = 2048)
    public String logoUrl;

    @Column(name = "banner_url", length = 2048)
    public String bannerUrl;

    @Column(name = "address_line1", length = 200)
    public String addressLine1;

    @Column(name = "address_line2", length = 200)
    public String addressLine2;

    @Column(length = 100)
    public String city;

    @Column(length = 100)
    public String region;

    @Column(name = "postal_code", length = 20)
    public String postalCode;

    /** ISO 3166-1 alpha-2. */
    @Column(name = "country_code", length = 2)
    public String countryCode;

    @Column(precision = 9, scale = 6)
    public BigDecimal latitude;

    @Column(precision = 9, scale = 6)
    public BigDecimal longitude;

    /** ISO 4217 code of the store's prices. */
    @Column(nullable = false, length = 3)
    public String currency;

    @Column(name = "created_at", nullable = false, insertable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false, insertable = false, updatable = false)
    public Instant updatedAt;

    /** Raised by the database on every update; StoreChanged carries it so consumers keep the newest state. */
    @Column(nullable = false, insertable = false, updatable = false)
    public long version;
}
