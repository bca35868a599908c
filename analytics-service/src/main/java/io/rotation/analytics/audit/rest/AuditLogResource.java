package io.rotation.analytics.audit.rest;

import io.rotation.analytics.audit.model.AuditLogView;
import io.rotation.analytics.audit.repository.AuditLogRepository.Filter;
import io.rotation.analytics.audit.service.AuditLogService;
import io.rotation.platform.paging.Page;
import io.rotation.platform.paging.PageRequest;
import io.rotation.platform.rest.Params;
import io.rotation.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;

@Path("/api/v1/audit-logs")
@Produces(MediaType.APPLICATION_JSON)
public class AuditLogResource {

    private final AuditLogService auditLogs;

    public AuditLogResource(AuditLogService auditLogs) {
        this.auditLogs = auditLogs;
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Admins: the suite's audit trail, newest first, filtered by user, action, entity and time "
            + "(from inclusive, to exclusive, ISO-8601 instants)")
    public Uni<Page<AuditLogView>> list(@QueryParam("user_id") String userId, @QueryParam("action") String action,
                                        @QueryParam("entity_type") String entityType,
                                        @QueryParam("entity_id") String entityId,
                                        @QueryParam("from") String from, @QueryParam("to") String to,
                                        @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        Instant since = Params.optionalInstant("from", from);
        Instant until = Params.optionalInstant("to", to);
        Params.range("from", since, "to", until);
        return auditLogs.list(new Filter(Params.optionalPositive("user_id", userId), Params.optionalText(action),
                Params.optionalText(entityType), Params.optionalText(entityId), since, until), page);
    }
}
