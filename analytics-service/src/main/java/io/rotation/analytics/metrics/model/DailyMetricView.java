package io.rotation.analytics.metrics.model;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A daily_metrics row as the admin API shows it. */
public record DailyMetricView(long id, LocalDate metricDate, String metricType, String entityType, long entityId,
                              String metricName, BigDecimal value) {
}
