package io.rotation.catalog.discogs.api.model;

import java.util.List;

/**
 * A page of a seller's inventory: its listings and Discogs' {@code pagination} (page, pages).
 * {@code malformed} are listings that could not be read, each with the reason; {@code malformedIds}
 * the ids among them (they still exist at Discogs, so the sync must not take them for vanished).
 */
public record InventoryPage(int page, int pages, List<Listing> listings, List<String> malformed,
                            List<Long> malformedIds) {

    public boolean last() {
        return page >= pages;
    }
}
