package io.rotation.platform.health;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * A fallback taken when a dependency fails (a cache read from the database, a rate limit not
 * enforced): every time it is taken it counts in {@code rotation_degraded_total{path=…}}, but it is
 * logged at most once per {@code logEvery}, with how many times it was taken since the last line.
 * Under load a dependency outage otherwise writes one warning per request, and the logging itself
 * becomes the bottleneck.
 */
public final class DegradedPath {

    public static final String METRIC = "rotation_degraded_total";
    static final Duration LOG_EVERY = Duration.ofMinutes(1);

    private final Logger log;
    private final String path;
    private final Counter taken;
    private final Clock clock;
    private final long logEveryMillis;
    private final AtomicLong lastLogged = new AtomicLong(Long.MIN_VALUE);
    private final AtomicLong sinceLastLog = new AtomicLong();

    /** {@code path} names the fallback in the metric and the log, e.g. {@code record-cache.read}. */
    public DegradedPath(MeterRegistry registry, Logger log, String path) {
        this(registry, log, path, Clock.systemUTC(), LOG_EVERY);
    }

    DegradedPath(MeterRegistry registry, Logger log, String path, Clock clock, Duration logEvery) {
        this.log = log;
        this.path = path;
        this.taken = registry.counter(METRIC, "path", path);
        this.clock = clock;
        this.logEveryMillis = logEvery.toMillis();
    }

    /**
     * Records one use of the fallback; logs {@code what} and the cause when no line was written for
     * this path within the last interval. Returns whether it logged.
     */
    public boolean taken(String what, Throwable cause) {
        taken.increment();
        long count = sinceLastLog.incrementAndGet();
        long now = clock.millis();
        long last = lastLogged.get();
        if (last != Long.MIN_VALUE && now - last < logEveryMillis || !lastLogged.compareAndSet(last, now)) {
            return false;
        }
        sinceLastLog.addAndGet(-count);
        log.warnf("%s (%s): %s; taken %d times since the last line, counted in %s{path=\"%s\"}",
                what, path, cause, count, METRIC, path);
        return true;
    }
}
