package io.rotation.analytics.metrics.service;

import io.rotation.analytics.metrics.model.DailyMetricView;
import io.rotation.analytics.metrics.model.DailyMetricsFilter;
import io.rotation.analytics.metrics.repository.DailyMetricsRepository;
import io.rotation.platform.paging.Page;
import io.rotation.platform.paging.PageRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;

/** daily_metrics for admins, newest day first, in cursor pages. */
@ApplicationScoped
public class DailyMetricsService {

    private final DailyMetricsRepository metrics;

    public DailyMetricsService(DailyMetricsRepository metrics) {
        this.metrics = metrics;
    }

    public Uni<Page<DailyMetricView>> list(DailyMetricsFilter filter, PageRequest page) {
        LocalDate at = page.first() ? null : page.afterPart(0, LocalDate::parse);
        Long id = page.first() ? null : page.afterPart(1, Long::valueOf);
        return metrics.list(filter, at, id, page.limit() + 1)
                .map(rows -> page.page(rows,
                        v -> List.of(v.metricDate(), v.id())));
    }
}
