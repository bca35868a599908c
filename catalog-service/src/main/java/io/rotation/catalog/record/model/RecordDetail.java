package io.rotation.catalog.record.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.rotation.catalog.inventory.model.StoreInventory;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** GET /api/v1/records/{id}: the record with its tracks (in tracklist order) and the copies in stock. */
public record RecordDetail(long id, Long discogsReleaseId, Long masterId, Boolean mainRelease, String artist,
                           String artistSort, JsonNode artists, String title, JsonNode labels, JsonNode formats,
                           List<String> genres, List<String> styles, Integer year, String released, String country,
                           String notes, String dataQuality, JsonNode images, String thumbnail, JsonNode videos,
                           JsonNode extraArtists, JsonNode companies, JsonNode series, JsonNode identifiers,
                           int tracklistCount, String status, String source, Instant createdAt, Instant updatedAt,
                           List<TrackView> tracks, List<InStock> inStock) {

    /** A copy for sale: which store, in what condition, at what price. */
    public record InStock(long inventoryId, long storeId, String condition, String sleeveCondition,
                          BigDecimal price, String currency, String comments, String shipsFrom, boolean allowOffers,
                          Instant listedAt) {

        public static InStock of(StoreInventory copy) {
            return new InStock(copy.id, copy.storeId, copy.condition == null ? null : copy.condition.label(),
                    copy.sleeveCondition == null ? null : copy.sleeveCondition.label(), copy.price, copy.currency,
                    copy.comments, copy.shipsFrom, copy.allowOffers, copy.listedAt);
        }
    }

    public static RecordDetail of(CatalogRecord r, List<Track> tracks, List<StoreInventory> copies) {
        return new RecordDetail(r.id, r.discogsReleaseId, r.masterId, r.mainRelease, r.artist, r.artistSort,
                r.artists, r.title, r.labels, r.formats, list(r.genres), list(r.styles),
                r.releaseYear == null ? null : r.releaseYear.intValue(), r.released, r.country, r.notes,
                r.dataQuality, r.images, r.thumbUrl, r.videos, r.extraArtists, r.companies, r.series, r.identifiers,
                r.tracklistCount, r.status == null ? null : r.status.name(), r.source, r.createdAt, r.updatedAt,
                tracks.stream().map(TrackView::of).toList(), copies.stream().map(InStock::of).toList());
    }

    private static List<String> list(String[] values) {
        return values == null ? List.of() : Arrays.asList(values);
    }
}
