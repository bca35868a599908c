package io.rotation.analytics.performance.service;

import io.rotation.analytics.performance.model.PerformanceFilter;
import io.rotation.analytics.performance.model.PerformanceSummary;
import io.rotation.analytics.performance.repository.PerformanceRepository;
import io.rotation.platform.paging.Page;
import io.rotation.platform.paging.PageRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Reported API timings for admins, newest window first, in cursor pages. */
@ApplicationScoped
public class PerformanceService {

    private final PerformanceRepository performance;

    public PerformanceService(PerformanceRepository performance) {
        this.performance = performance;
    }

    public Uni<Page<PerformanceSummary>> list(PerformanceFilter filter, PageRequest page) {
        Instant at = page.first() ? null : page.afterPart(0, Instant::parse);
        Long id = page.first() ? null : page.afterPart(1, Long::valueOf);
        return performance.list(filter, at, id, page.limit() + 1)
                .map(rows -> page.page(rows, s -> List.of(s.windowEnd(), s.id())));
    }
}
