package io.rotation.platform.performance;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.rotation.contracts.performance.PerformanceReported.Endpoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The API's timings per endpoint since the previous call, read from the Micrometer timers Quarkus keeps for
 * HTTP requests ({@code http.server.requests}, tags method, uri = the route template, status). One timer per
 * status: an endpoint's requests and errors are the sums of its timers' new counts, its mean their new time
 * over their new count, its percentiles (over the last minute, see {@link #PERCENTILES}) and max the highest
 * of the timers called in the window. Only {@code /api/} routes are reported (not health or metrics).
 * Not thread-safe: one reporter calls it.
 */
public final class EndpointTimings {

    /** The Quarkus HTTP server timer. */
    public static final String TIMER = "http.server.requests";

    private final MeterRegistry registry;
    private final Map<Meter.Id, double[]> previous = new HashMap<>();

    public EndpointTimings(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * Client-side p50/p95/p99 of the HTTP server timer over a rolling minute, so that each report's percentiles
     * describe about its own window.
     */
    public static MeterFilter percentiles() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!TIMER.equals(id.getName())) {
                    return config;
                }
                return DistributionStatisticConfig.builder().percentiles(0.5, 0.95, 0.99)
                        .expiry(Duration.ofMinutes(1)).bufferLength(2).build().merge(config);
            }
        };
    }

    /** The endpoints called since the previous call (all since start on the first), sorted by route and method. */
    public List<Endpoint> sinceLastCall() {
        Map<String, Endpoint> byRoute = new TreeMap<>();
        for (Timer timer : registry.find(TIMER).timers()) {
            Meter.Id id = timer.getId();
            String uri = id.getTag("uri");
            String method = id.getTag("method");
            if (uri == null || method == null || !uri.startsWith("/api/")) {
                continue;
            }
            double count = timer.count();
            double total = timer.totalTime(TimeUnit.MILLISECONDS);
            double[] before = previous.getOrDefault(id, new double[2]);
            previous.put(id, new double[] {count, total});
            long requests = (long) (count - before[0]);
            if (requests <= 0) {
                continue;
            }
            String status = id.getTag("status");
            long server = status != null && status.startsWith("5") ? requests : 0;
            long client = status != null && status.startsWith("4") ? requests : 0;
            Double p50 = null;
            Double p95 = null;
            Double p99 = null;
            for (ValueAtPercentile v : timer.takeSnapshot().percentileValues()) {
                double ms = v.value(TimeUnit.MILLISECONDS);
                if (v.percentile() == 0.5) {
                    p50 = ms;
                } else if (v.percentile() == 0.95) {
                    p95 = ms;
                } else if (v.percentile() == 0.99) {
                    p99 = ms;
                }
            }
            Endpoint these = new Endpoint(method, uri, requests, server, client, (total - before[1]) / requests, p50,
                    p95, p99, timer.max(TimeUnit.MILLISECONDS));
            byRoute.merge(uri + " " + method, these, EndpointTimings::combine);
        }
        return new ArrayList<>(byRoute.values());
    }

    private static Endpoint combine(Endpoint a, Endpoint b) {
        long requests = a.requests() + b.requests();
        double mean = (a.meanMs() * a.requests() + b.meanMs() * b.requests()) / requests;
        return new Endpoint(a.method(), a.endpoint(), requests, a.serverErrors() + b.serverErrors(),
                a.clientErrors() + b.clientErrors(), mean, higher(a.p50Ms(), b.p50Ms()), higher(a.p95Ms(), b.p95Ms()),
                higher(a.p99Ms(), b.p99Ms()), Math.max(a.maxMs(), b.maxMs()));
    }

    private static Double higher(Double a, Double b) {
        return a == null ? b : b == null ? a : Double.valueOf(Math.max(a, b));
    }
}
