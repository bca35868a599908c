package io.rotation.catalog.discogs.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Keeps the service within Discogs' rate limit, shared by every sync (the limit is per token):
 * at most {@code limit} requests in any moving {@code window}, the limit lowered to what
 * {@code X-Discogs-Ratelimit} announces; when {@code X-Discogs-Ratelimit-Remaining} runs low the
 * next requests are spread out, at 0 the gate waits a whole window, and after a 429 it waits the
 * answer's Retry-After (or the caller's back-off). {@link #acquire()} sleeps the calling thread,
 * which is the sync's worker, never an event loop.
 */
public class RateGate {

    /** Sleeps; replaced in tests that check the waits without waiting. */
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private final int configuredLimit;
    private final Duration window;
    private final int lowRemaining;
    private final Duration maxWait;
    private final Clock clock;
    private final Sleeper sleeper;
    private final Deque<Instant> sent = new ArrayDeque<>();
    private int limit;
    private Instant notBefore = Instant.EPOCH;

    public RateGate(int limit, Duration window, int lowRemaining, Duration maxWait, Clock clock, Sleeper sleeper) {
        if (limit < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("rate limit needs requests >= 1 and a positive window");
        }
        this.configuredLimit = limit;
        this.limit = limit;
        this.window = window;
        this.lowRemaining = lowRemaining;
        this.maxWait = maxWait;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Waits until one more request may go out, and counts it as sent. */
    public synchronized void acquire() throws InterruptedException {
        while (true) {
            Instant now = clock.instant();
            while (!sent.isEmpty() && !sent.peekFirst().isAfter(now.minus(window))) {
                sent.removeFirst();
            }
            Instant until = notBefore;
            if (sent.size() >= limit) {
                until = later(until, sent.peekFirst().plus(window));
            }
            if (!until.isAfter(now)) {
                sent.addLast(now);
                return;
            }
            sleeper.sleep(Duration.between(now, until));
        }
    }

    /** Reads Discogs' rate-limit headers of an answer (null when absent). */
    public synchronized void observe(Integer announcedLimit, Integer remaining) {
        if (announcedLimit != null && announcedLimit > 0) {
            limit = Math.min(configuredLimit, announcedLimit);
        }
        if (remaining == null) {
            return;
        }
        Instant now = clock.instant();
        if (remaining <= 0) {
            notBefore = later(notBefore, now.plus(window));
        } else if (remaining < lowRemaining) {
            // spread what is left over the window instead of spending it at once
            notBefore = later(notBefore, now.plus(window.dividedBy(remaining + 1L)));
        }
    }

    /** No request before {@code wait} has passed (capped at the configured longest wait). */
    public synchronized void pause(Duration wait) {
        Duration capped = wait.compareTo(maxWait) > 0 ? maxWait : wait;
        notBefore = later(notBefore, clock.instant().plus(capped));
    }

    public synchronized int limit() {
        return limit;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
