package io.rotation.analytics.metrics.repository;

import io.rotation.analytics.metrics.model.DailyMetricsFilter;
import io.rotation.analytics.usage.model.DailyMetric;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;

/** Reads of daily_metrics for admins, newest day first, then by id (the cursor's order). */
@ApplicationScoped
public class DailyMetricsRepository {

    private final Mutiny.SessionFactory sessions;

    public DailyMetricsRepository(Mutiny.SessionFactory sessions) {
        this.sessions = sessions;
    }

    /** At most {@code limit} rows after the (metric_date, id) position of a cursor (null for the first page). */
    public Uni<List<DailyMetric>> list(DailyMetricsFilter filter, LocalDate beforeDate, Long beforeId, int limit) {
        StringBuilder hql = new StringBuilder("from DailyMetric d where d.metricDate >= :from and d.metricDate <= :to");
        if (filter.metricType() != null) {
            hql.append(" and d.metricType = :type");
        }
        if (filter.entityType() != null) {
            hql.append(" and d.entityType = :entityType");
        }
        if (filter.entityId() != null) {
            hql.append(" and d.entityId = :entityId");
        }
        if (filter.metricName() != null) {
            hql.append(" and d.metricName = :metric");
        }
        if (beforeDate != null) {
            hql.append(" and (d.metricDate < :at or (d.metricDate = :at and d.id < :id))");
        }
        hql.append(" order by d.metricDate desc, d.id desc");
        return sessions.withSession(s -> {
            var query = s.createSelectionQuery(hql.toString(), DailyMetric.class).setMaxResults(limit)
                    .setParameter("from", filter.from()).setParameter("to", filter.to());
            if (filter.metricType() != null) {
                query.setParameter("type", filter.metricType());
            }
            if (filter.entityType() != null) {
                query.setParameter("entityType", filter.entityType());
            }
            if (filter.entityId() != null) {
                query.setParameter("entityId", filter.entityId());
            }
            if (filter.metricName() != null) {
                query.setParameter("metric", filter.metricName());
            }
            if (beforeDate != null) {
                query.setParameter("at", beforeDate).setParameter("id", beforeId);
            }
            return query.getResultList();
        });
    }
}
