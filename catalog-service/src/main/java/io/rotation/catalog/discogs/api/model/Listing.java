package io.rotation.catalog.discogs.api.model;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One marketplace listing of {@code /users/{username}/inventory}, with what the sync uses of it.
 * {@code status} is Discogs' ("For Sale", "Draft", "Sold", "Expired", …), conditions are Discogs'
 * strings; {@code releaseArtist}/{@code releaseTitle} are the listing's summary of its release.
 */
public record Listing(long id, String status, BigDecimal price, String currency, boolean allowOffers,
                      String condition, String sleeveCondition, Instant posted, String shipsFrom, String comments,
                      long releaseId, String releaseArtist, String releaseTitle) {
}
