package io.rotation.identity.store.model;

import io.vertx.mutiny.sqlclient.Row;
import java.math.BigDecimal;
import java.time.Instant;

/** A store as the API shows it. */
public record StoreView(long id, String slug, String name, String description, StoreStatus status, Long ownerUserId,
                        String discogsUsername, boolean discogsSyncEnabled, Instant lastSyncedAt, String email,
                        String phone, String websiteUrl, String logoUrl, String bannerUrl, String addressLine1,
                        String addressLine2, String city, String region, String postalCode, String countryCode,
                        BigDecimal latitude, BigDecimal longitude, String currency, Instant createdAt,
                        Instant updatedAt, long version) {

    /** The columns {@link #of(Row)} reads. */
    public static final String COLUMNS = "id, slug, name, description, status::text as status, owner_user_id, "
            + "discogs_username, discogs_sync_enabled, last_synced_at, email, phone, website_url, logo_url, "
            + "banner_url, address_line1, address_line2, city, region, postal_code, country_code, latitude, "
            + "longitude, currency, created_at, updated_at, version";

    public static StoreView of(Store s) {
        return new StoreView(s.id, s.slug, s.name, s.description, s.status, s.ownerUserId, s.discogsUsername,
                s.discogsSyncEnabled, s.lastSyncedAt, s.email, s.phone, s.websiteUrl, s.logoUrl, s.bannerUrl,
                s.addressLine1, s.addressLine2, s.city, s.region, s.postalCode, s.countryCode, s.latitude,
                s.longitude, s.currency, s.createdAt, s.updatedAt, s.version);
    }

    public static StoreView of(Row r) {
        return new StoreView(r.getLong("id"), r.getString("slug"), r.getString("name"), r.getString("description"),
                StoreStatus.valueOf(r.getString("status")), r.getLong("owner_user_id"), r.getString("discogs_username"),
                r.getBoolean("discogs_sync_enabled"), instant(r, "last_synced_at"), r.getString("email"),
                r.getString("phone"), r.getString("website_url"), r.getString("logo_url"), r.getString("banner_url"),
                r.getString("address_line1"), r.getString("address_line2"), r.getString("city"), r.getString("region"),
                r.getString("postal_code"), r.getString("country_code"), r.getBigDecimal("latitude"),
                r.getBigDecimal("longitude"), r.getString("currency"), instant(r, "created_at"),
                instant(r, "updated_at"), r.getLong("version"));
    }

    private static Instant instant(Row row, String column) {
        var value = row.getOffsetDateTime(column);
        return value == null ? null : value.toInstant();
    }
}
