package io.rotation.analytics.metrics.model;

import java.time.LocalDate;

/** What the admin asks of daily_metrics: a bounded range of days (both inclusive) and optional exact matches. */
public record DailyMetricsFilter(LocalDate from, LocalDate to, String metricType, String entityType, Long entityId,
                                 String metricName) {
}
