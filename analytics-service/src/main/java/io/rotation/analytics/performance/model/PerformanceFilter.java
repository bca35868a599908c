package io.rotation.analytics.performance.model;

import java.time.Instant;

/** What the admin asks: a service (null: all), an endpoint (null: all) and windows ending in [from, to). */
public record PerformanceFilter(String service, String endpoint, Instant from, Instant to) {
}
