package io.rotation.catalog.inventory.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The counts of a running store sync, stored in its sync_runs row after every page. */
public final class SyncProgress {

    /** Only the first skip reasons are kept (a broken shop could produce thousands). */
    public static final int MAX_REASONS = 100;

    public int pages;
    /** How many pages Discogs says the inventory has (0 until the first page). */
    public int pagesTotal;
    public int listingsSeen;
    public int added;
    public int updated;
    public int unchanged;
    public int removed;
    public int skipped;
    public int releasesFetched;
    private final List<String> skipReasons = new ArrayList<>();

    public void skip(String reason) {
        skipped++;
        if (skipReasons.size() < MAX_REASONS) {
            skipReasons.add(reason);
        }
    }

    public List<String> skipReasons() {
        return Collections.unmodifiableList(skipReasons);
    }
}
