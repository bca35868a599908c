package io.rotation.catalog.discogs.dump;

import io.rotation.catalog.discogs.ReleaseWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Counts of one import, updated as it goes (read by the job's progress writer). */
public final class ImportProgress {

    /** How many skip reasons are kept (the count goes on). */
    public static final int MAX_REASONS = 100;

    private long read;
    private long inserted;
    private long updated;
    private long skipped;
    private long tracks;
    private final List<String> skipReasons = new ArrayList<>();

    synchronized void read() {
        read++;
    }

    synchronized void written(ReleaseWriter.BatchResult batch) {
        inserted += batch.inserted();
        updated += batch.updated();
        tracks += batch.tracks();
    }

    synchronized void skipped(String releaseId, String reason) {
        skipped++;
        if (skipReasons.size() < MAX_REASONS) {
            skipReasons.add("release " + (releaseId == null ? "(no id)" : releaseId) + ": " + reason);
        }
    }

    public synchronized long releasesRead() {
        return read;
    }

    public synchronized long releasesInserted() {
        return inserted;
    }

    public synchronized long releasesUpdated() {
        return updated;
    }

    public synchronized long releasesWritten() {
        return inserted + updated;
    }

    public synchronized long releasesSkipped() {
        return skipped;
    }

    public synchronized long tracksWritten() {
        return tracks;
    }

    public synchronized List<String> skipReasons() {
        return Collections.unmodifiableList(new ArrayList<>(skipReasons));
    }

    @Override
    public synchronized String toString() {
        return "read=" + read + " inserted=" + inserted + " updated=" + updated + " skipped=" + skipped
                + " tracks=" + tracks;
    }
}
