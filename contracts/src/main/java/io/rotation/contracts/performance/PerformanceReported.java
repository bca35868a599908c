package io.rotation.contracts.performance;

import java.time.Instant;
import java.util.List;

/**
 * One service instance's API timings of one window (about a minute), per endpoint (key = service): sent by
 * platform's performance reporter from the service's Micrometer registry, stored by analytics in
 * {@code performance_metrics}. Only endpoints called in the window are listed; a window without calls is not
 * sent.
 */
public record PerformanceReported(
        String service,
        String instance,
        Instant windowStart,
        Instant windowEnd,
        List<Endpoint> endpoints) {

    /**
     * The calls of one route ({@code /api/v1/records/{id}}, never the raw path) in the window: how many, how
     * many answered 5xx ({@code serverErrors}) and 4xx ({@code clientErrors}), and their latency in
     * milliseconds (percentiles over the last minute, the slowest status class's where a route answered
     * several).
     */
    public record Endpoint(
            String method,
            String endpoint,
            long requests,
            long serverErrors,
            long clientErrors,
            double meanMs,
            Double p50Ms,
            Double p95Ms,
            Double p99Ms,
            double maxMs) {
    }
}
