package io.rotation.analytics.jobs.handler;

import io.rotation.platform.jobs.JobContext;
import io.rotation.platform.jobs.JobHandler;
import io.rotation.platform.jobs.JobLevel;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code metrics_aggregation} on demand: recounts daily_metrics from usage_metrics with
 * {@code aggregate_daily_metrics} for each day of {@code from}..{@code to} (or {@code metric_date}; by
 * default yesterday, UTC), one day per step.
 */
@ApplicationScoped
public class MetricsAggregationJob implements JobHandler {

    static final int MAX_DAYS = 400;
    private static final Duration DAY_TIMEOUT = Duration.ofMinutes(10);

    private final Pool pool;

    public MetricsAggregationJob(Pool pool) {
        this.pool = pool;
    }

    @Override
    public String jobType() {
        return "metrics_aggregation";
    }

    @Override
    public Map<String, Object> run(JobContext job) {
        List<LocalDate> days = days(job.parameters());
        long rows = 0;
        for (int i = 0; i < days.size(); i++) {
            LocalDate day = days.get(i);
            job.progress(i, (long) days.size());
            int written = pool.preparedQuery("select aggregate_daily_metrics($1) as written").execute(Tuple.of(day))
                    .await().atMost(DAY_TIMEOUT).iterator().next().getInteger("written");
            rows += written;
            job.log(JobLevel.INFO, day + ": " + written + " daily_metrics rows recounted");
        }
        return Map.of("days", days.size(), "rows_written", rows);
    }

    static List<LocalDate> days(Map<String, Object> params) {
        LocalDate yesterday = LocalDate.now(ZoneOffset.UTC).minusDays(1);
        LocalDate from = date(params, "from", date(params, "metric_date", yesterday));
        LocalDate to = date(params, "to", date(params, "metric_date", from));
        if (to.isBefore(from) || from.plusDays(MAX_DAYS).isBefore(to)) {
            throw new IllegalArgumentException("from..to must be an ascending range of at most " + MAX_DAYS + " days");
        }
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            days.add(d);
        }
        return days;
    }

    private static LocalDate date(Map<String, Object> params, String name, LocalDate otherwise) {
        Object value = params.get(name);
        if (value == null) {
            return otherwise;
        }
        try {
            return LocalDate.parse(value.toString());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("parameter " + name + " is not a date (YYYY-MM-DD): " + value);
        }
    }
}
