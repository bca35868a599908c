package io.rotation.analytics.performance.model;

import java.time.Instant;

/** One endpoint's calls in one reported window of one service instance, as the admin API shows it. */
public record PerformanceSummary(long id, String service, String instance, String method, String endpoint,
                                 long requests, long serverErrors, long clientErrors, double meanMs, Double p50Ms,
                                 Double p95Ms, Double p99Ms, Double maxMs, Instant windowStart,
                                 Instant windowEnd) {
}
