package io.rotation.analytics.metrics.model;

import io.rotation.analytics.usage.model.DailyMetric;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A daily_metrics row as the admin API shows it. */
public record DailyMetricView(long id, LocalDate metricDate, String metricType, String entityType, long entityId,
                              String metricName, BigDecimal value) {

    public static DailyMetricView of(DailyMetric row) {
        return new DailyMetricView(row.id, row.metricDate, row.metricType, row.entityType, row.entityId,
                row.metricName, row.value.stripTrailingZeros());
    }
}
