package io.rotation.catalog.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.rotation.catalog.discogs.api.model.Listing;
import io.rotation.catalog.inventory.model.RecordCondition;
import io.rotation.catalog.inventory.model.SleeveCondition;
import io.rotation.catalog.inventory.service.ListingMapping;
import io.rotation.catalog.record.model.RecordStatus;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Discogs listings as copies: statuses, conditions spelled as Discogs spells them, and what is skipped. */
class ListingMappingTest {

    @Test
    void mapsDiscogsListingStatuses() {
        assertThat(ListingMapping.status("For Sale")).isEqualTo(RecordStatus.active);
        assertThat(ListingMapping.status("Draft")).isEqualTo(RecordStatus.draft);
        assertThat(ListingMapping.status("Sold")).isEqualTo(RecordStatus.sold);
        assertThat(ListingMapping.status("Expired")).isEqualTo(RecordStatus.removed);
        assertThat(ListingMapping.status("Deleted")).isEqualTo(RecordStatus.removed);
        assertThat(ListingMapping.status(null)).isEqualTo(RecordStatus.removed);
    }

    @Test
    void takesConditionsPriceAndDatesAsDiscogsGivesThem() {
        var result = ListingMapping.of(listing("Near Mint (NM or M-)", "Generic", "149.9", "usd"), "Bin 4");
        assertThat(result.skipReason()).isNull();
        assertThat(result.state().condition()).isEqualTo(RecordCondition.NEAR_MINT);
        assertThat(result.state().sleeveCondition()).isEqualTo(SleeveCondition.GENERIC);
        assertThat(result.state().price()).isEqualByComparingTo("149.90");
        assertThat(result.state().price().scale()).isEqualTo(2);
        assertThat(result.state().currency()).isEqualTo("USD");
        assertThat(result.state().location()).isEqualTo("Bin 4");
        assertThat(result.state().listedAt()).isEqualTo(Instant.parse("2014-07-01T17:20:17Z"));
        assertThat(ListingMapping.of(listing("Mint (M)", "", "1", "EUR"), null).state().sleeveCondition()).isNull();
    }

    @Test
    void skipsWhatTheInventoryCannotHoldWithAReason() {
        assertThat(ListingMapping.of(listing("VG+", null, "10", "USD"), null).skipReason())
                .isEqualTo("listing 150899904: unknown condition \"VG+\"");
        assertThat(ListingMapping.of(listing("Mint (M)", null, "0", "USD"), null).skipReason())
                .contains("price 0 is out of range");
        assertThat(ListingMapping.of(listing("Mint (M)", null, "5", "$"), null).skipReason())
                .contains("currency \"$\"");
    }

    private static Listing listing(String condition, String sleeve, String price, String currency) {
        return new Listing(150899904L, "For Sale", new BigDecimal(price), currency, true, condition, sleeve,
                Instant.parse("2014-07-01T17:20:17Z"), "United States", "Includes booklet", 2992668L,
                "Danger Mouse & Daniele Luppi", "Rome");
    }
}
