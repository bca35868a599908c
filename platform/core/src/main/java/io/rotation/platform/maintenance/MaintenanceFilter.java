package io.rotation.platform.maintenance;

import io.rotation.platform.problem.Problem;
import io.rotation.platform.problem.ProblemType;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * During a maintenance window that covers this service, writes (every API request when the window is
 * not read-only) answer 503 problem+json with {@code Retry-After} until the window ends; reads go on,
 * health and metrics ({@code /q/*}) stay up, and the maintenance endpoints themselves stay open so
 * that an admin can end a window early.
 */
public class MaintenanceFilter {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private static final String OWN_ENDPOINTS = "/api/v1/maintenance-windows";

    private final MaintenanceSchedule schedule;

    public MaintenanceFilter(MaintenanceSchedule schedule) {
        this.schedule = schedule;
    }

    @ServerRequestFilter(preMatching = true)
    public Response refuseDuringMaintenance(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (path.startsWith("/q/") || path.startsWith(OWN_ENDPOINTS)) {
            return null;
        }
        Instant now = Instant.now();
        return schedule.inEffect(now)
                .filter(w -> !w.readOnly() || !READS.contains(request.getMethod()))
                .map(w -> {
                    long retryAfter = Math.max(1, Duration.between(now, w.endsAt()).toSeconds() + 1);
                    String detail = w.title() + (w.message() == null ? "" : ": " + w.message())
                            + (w.readOnly() ? " (read-only until " : " (unavailable until ") + w.endsAt() + ")";
                    return Response.status(503).type(Problem.MEDIA_TYPE)
                            .entity(Problem.of(ProblemType.UNAVAILABLE, detail))
                            .header(HttpHeaders.RETRY_AFTER, retryAfter).build();
                })
                .orElse(null);
    }
}
