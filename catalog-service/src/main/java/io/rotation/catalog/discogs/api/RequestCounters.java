package io.rotation.catalog.discogs.api;

import java.util.concurrent.atomic.AtomicInteger;

/** What one sync cost at Discogs: requests sent (retries included) and 429 answers. */
public final class RequestCounters {

    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger rateLimited = new AtomicInteger();

    void request() {
        requests.incrementAndGet();
    }

    void rateLimited() {
        rateLimited.incrementAndGet();
    }

    public int requests() {
        return requests.get();
    }

    public int rateLimitedCount() {
        return rateLimited.get();
    }
}
