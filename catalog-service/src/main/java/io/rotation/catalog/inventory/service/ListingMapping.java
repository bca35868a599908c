package io.rotation.catalog.inventory.service;

import io.rotation.catalog.discogs.api.model.Listing;
import io.rotation.catalog.inventory.model.InventoryState;
import io.rotation.catalog.inventory.model.RecordCondition;
import io.rotation.catalog.inventory.model.SleeveCondition;
import io.rotation.catalog.record.model.RecordStatus;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * A Discogs listing as a copy's state. Conditions are Discogs' own strings, so they map one to one;
 * a listing whose condition, price or currency the inventory cannot hold is skipped with a reason.
 */
public final class ListingMapping {

    private ListingMapping() {
    }

    /** The state, or why the listing is skipped. */
    public record Result(InventoryState state, String skipReason) {
    }

    /**
     * Discogs listing status → inventory status: For Sale → active, Draft → draft, Sold → sold;
     * Expired, Deleted, Violation, Suspended (no longer offered) → removed.
     */
    public static RecordStatus status(String discogsStatus) {
        return switch (discogsStatus == null ? "" : discogsStatus.strip().toLowerCase(Locale.ROOT)) {
            case "for sale" -> RecordStatus.active;
            case "draft" -> RecordStatus.draft;
            case "sold" -> RecordStatus.sold;
            default -> RecordStatus.removed;
        };
    }

    /** @param location the copy's place in the shop: the store's own, Discogs does not have it */
    public static Result of(Listing l, String location) {
        Optional<RecordCondition> condition = Arrays.stream(RecordCondition.values())
                .filter(c -> c.label().equals(l.condition())).findFirst();
        if (condition.isEmpty()) {
            return skip(l, "unknown condition \"" + l.condition() + "\"");
        }
        SleeveCondition sleeve = Arrays.stream(SleeveCondition.values())
                .filter(c -> c.label().equals(l.sleeveCondition())).findFirst().orElse(null);
        if (l.price().signum() <= 0 || l.price().compareTo(InventoryInput.MAX_PRICE) > 0) {
            return skip(l, "price " + l.price().toPlainString() + " is out of range");
        }
        String currency = l.currency() == null ? "" : l.currency().strip().toUpperCase(Locale.ROOT);
        if (!currency.matches("[A-Z]{3}")) {
            return skip(l, "currency \"" + l.currency() + "\" is not an ISO 4217 code");
        }
        return new Result(new InventoryState(condition.get(), sleeve, l.price().setScale(2, RoundingMode.HALF_UP),
                currency, status(l.status()), truncate(l.comments(), InventoryInput.MAX_TEXT), location,
                truncate(l.shipsFrom(), InventoryInput.MAX_SHIPS_FROM), l.allowOffers(), l.posted(), null), null);
    }

    private static Result skip(Listing l, String reason) {
        return new Result(null, "listing " + l.id() + ": " + reason);
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
