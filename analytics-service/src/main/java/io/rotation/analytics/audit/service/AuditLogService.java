package io.rotation.analytics.audit.service;

import io.rotation.analytics.audit.model.AuditLogView;
import io.rotation.analytics.audit.repository.AuditLogRepository;
import io.rotation.analytics.audit.repository.AuditLogRepository.Filter;
import io.rotation.platform.paging.Page;
import io.rotation.platform.paging.PageRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Reads the audit trail, newest first, in cursor pages. */
@ApplicationScoped
public class AuditLogService {

    private final AuditLogRepository auditLogs;

    public AuditLogService(AuditLogRepository auditLogs) {
        this.auditLogs = auditLogs;
    }

    public Uni<Page<AuditLogView>> list(Filter filter, PageRequest page) {
        Instant at = page.first() ? null : page.afterPart(0, Instant::parse);
        Long id = page.first() ? null : page.afterPart(1, Long::valueOf);
        return auditLogs.listNewestFirst(filter, at, id, page.limit() + 1)
                .map(rows -> page.page(rows.stream().map(AuditLogView::of).toList(),
                        v -> List.of(v.occurredAt(), v.id())));
    }
}
