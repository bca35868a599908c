package io.rotation.analytics.metrics.rest;

import io.rotation.analytics.metrics.model.DailyMetricView;
import io.rotation.analytics.metrics.model.DailyMetricsFilter;
import io.rotation.analytics.metrics.service.DailyMetricsService;
import io.rotation.analytics.performance.model.PerformanceFilter;
import io.rotation.analytics.performance.model.PerformanceSummary;
import io.rotation.analytics.performance.service.PerformanceService;
import io.rotation.platform.paging.Page;
import io.rotation.platform.paging.PageRequest;
import io.rotation.platform.problem.ProblemException;
import io.rotation.platform.rest.Params;
import io.rotation.platform.security.Roles;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** The suite's metrics for admins: daily_metrics and the services' reported API timings. */
@Path("/api/v1/metrics")
@Produces(MediaType.APPLICATION_JSON)
public class MetricsResource {

    /** The longest range of days one request may ask for. */
    static final int MAX_DAYS = 366;
    static final int DEFAULT_DAYS = 30;

    /** The longest time range of one performance request, and the default (the last hour). */
    static final Duration MAX_PERFORMANCE_RANGE = Duration.ofDays(31);
    static final Duration DEFAULT_PERFORMANCE_RANGE = Duration.ofHours(1);

    private final DailyMetricsService daily;
    private final PerformanceService performance;

    public MetricsResource(DailyMetricsService daily, PerformanceService performance) {
        this.daily = daily;
        this.performance = performance;
    }

    @GET
    @Path("/performance")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Admins: every service's API timings per endpoint and minute (requests, 5xx and 4xx counts, "
            + "mean, p50/p95/p99, max in ms) for windows ending in [from, to) (ISO-8601 instants, at most 31 days; "
            + "default the last hour), by service and endpoint; newest first, cursor pages")
    public Uni<Page<PerformanceSummary>> performance(@QueryParam("service") String service,
                                                     @QueryParam("endpoint") String endpoint,
                                                     @QueryParam("from") String from, @QueryParam("to") String to,
                                                     @QueryParam("limit") Integer limit,
                                                     @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        Instant since = Params.optionalInstant("from", from);
        Instant until = Params.optionalInstant("to", to);
        Params.range("from", since, "to", until);
        if (until == null) {
            until = since == null ? Instant.now() : since.plus(DEFAULT_PERFORMANCE_RANGE);
        }
        if (since == null) {
            since = until.minus(DEFAULT_PERFORMANCE_RANGE);
        }
        if (Duration.between(since, until).compareTo(MAX_PERFORMANCE_RANGE) > 0) {
            throw ProblemException.invalidField("from", "the range may span at most 31 days");
        }
        return performance.list(new PerformanceFilter(Params.optionalText(service), Params.optionalText(endpoint),
                since, until), page);
    }

    @GET
    @Path("/daily")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Admins: daily_metrics from..to (UTC dates, inclusive, at most 366 days; default the last "
            + "30), filtered by metric type (usage, interactions), entity and metric name; newest day first, cursor "
            + "pages")
    public Uni<Page<DailyMetricView>> daily(@QueryParam("from") String from, @QueryParam("to") String to,
                                            @QueryParam("type") String type,
                                            @QueryParam("entity_type") String entityType,
                                            @QueryParam("entity_id") String entityId,
                                            @QueryParam("metric") String metric,
                                            @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        LocalDate until = Params.optionalDate("to", to);
        LocalDate since = Params.optionalDate("from", from);
        if (until == null) {
            until = since == null ? LocalDate.now(ZoneOffset.UTC) : since.plusDays(DEFAULT_DAYS - 1);
        }
        if (since == null) {
            since = until.minusDays(DEFAULT_DAYS - 1);
        }
        if (until.isBefore(since)) {
            throw ProblemException.invalidField("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(since, until) >= MAX_DAYS) {
            throw ProblemException.invalidField("from", "the range may span at most " + MAX_DAYS + " days");
        }
        Long entity = Params.optionalNonNegative("entity_id", entityId);
        return daily.list(new DailyMetricsFilter(since, until, Params.optionalText(type),
                Params.optionalText(entityType), entity, Params.optionalText(metric)), page);
    }
}
