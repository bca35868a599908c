package io.rotation.analytics.jobs.service;

import io.rotation.analytics.jobs.model.JobStatus;
import io.rotation.analytics.jobs.repository.JobRepository;
import io.rotation.analytics.jobs.repository.JobRepository.Flight;
import io.rotation.contracts.jobs.JobProgressReported;
import io.rotation.platform.jobs.JobContext;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Applies a runner's {@link JobProgressReported} to jobs and job_logs, on the consumer's transaction.
 * A report is ignored when its job ended, when it is not newer than the newest applied
 * ({@code last_sequence}), when it comes from an earlier attempt than the job's current one (its
 * sequence ranks below {@code attempts × 10^16}), or while no attempt is out (pending, retrying).
 * A failed report retries the job with back-off while attempts remain.
 */
@ApplicationScoped
public class JobProgressService {

    private static final Logger LOG = Logger.getLogger(JobProgressService.class);

    private final JobRepository jobs;
    private final JobsSettings settings;

    public JobProgressService(JobRepository jobs, JobsSettings settings) {
        this.jobs = jobs;
        this.settings = settings;
    }

    public Uni<Void> apply(SqlConnection c, JobProgressReported report) {
        Uni<Flight> job = report.jobId() != null ? jobs.lock(c, report.jobId())
                : jobs.lockRun(c, report.runKey(), report.jobType(), report.service(), report.workerId());
        return job.chain(j -> {
            if (j == null) {
                LOG.debugf("report of unknown job %d ignored", report.jobId());
                return Uni.createFrom().voidItem();
            }
            if (stale(j, report)) {
                return Uni.createFrom().voidItem();
            }
            return applyTo(c, j, report);
        });
    }

    private static boolean stale(Flight job, JobProgressReported report) {
        JobStatus status = JobStatus.valueOf(job.status());
        if (status.ended() || status == JobStatus.pending || status == JobStatus.retrying) {
            return true;
        }
        if (job.lastSequence() != null && report.sequence() <= job.lastSequence()) {
            return true;
        }
        return report.jobId() != null && report.sequence() < job.attempts() * JobContext.ATTEMPT_STRIDE;
    }

    private Uni<Void> applyTo(SqlConnection c, Flight job, JobProgressReported r) {
        long processed = r.processed() == null ? 0 : Math.max(0, r.processed());
        Uni<Void> line = r.message() == null ? Uni.createFrom().voidItem()
                : jobs.log(c, job.id(), level(r.level()), r.message(), context(r), r.reportedAt());
        Uni<Void> state = switch (r.status()) {
            case "running" -> jobs.running(c, job.id(), r.sequence(), r.workerId(), processed, r.total(), r.percent(),
                    r.reportedAt());
            case "completed" -> jobs.completed(c, job.id(), r.sequence(), r.workerId(), processed, r.total(),
                    r.result(), r.reportedAt());
            case "cancelled" -> jobs.cancelled(c, job.id(), r.sequence(), r.workerId());
            case "failed" -> endAttempt(jobs, c, job.id(), r.errorMessage() == null ? "failed" : r.errorMessage(),
                    r.sequence(), r.workerId(), settings);
            default -> {
                LOG.warnf("report of job %d with unknown status %s ignored", job.id(), r.status());
                yield Uni.createFrom().voidItem();
            }
        };
        return line.chain(() -> state);
    }

    /** Ends a failed attempt (retry, fail or cancel) and says so in the job's log. */
    static Uni<Void> endAttempt(JobRepository jobs, SqlConnection c, long id, String error, Long sequence,
                                String workerId, JobsSettings settings) {
        return jobs.endAttempt(c, id, error, sequence, workerId, settings.retryBase(), settings.retryMax())
                .chain(end -> {
                    String message = switch (end.status()) {
                        case "retrying" -> "attempt " + end.attempts() + " of " + end.maxAttempts() + " failed ("
                                + error + "); retrying at " + end.nextRetryAt();
                        case "cancelled" -> "attempt " + end.attempts() + " ended (" + error + "); cancelled as asked";
                        default -> "attempt " + end.attempts() + " of " + end.maxAttempts() + " failed (" + error
                                + "); no attempts left";
                    };
                    return jobs.log(c, id, "retrying".equals(end.status()) ? "warning" : "error", message,
                            Map.of("attempt", end.attempts()), null);
                });
    }

    private static String level(String level) {
        return switch (level == null ? "info" : level) {
            case "debug", "info", "warning", "error", "critical" -> level == null ? "info" : level;
            default -> "info";
        };
    }

    private static Map<String, Object> context(JobProgressReported r) {
        Map<String, Object> context = new HashMap<>();
        context.put("service", r.service());
        if (r.workerId() != null) {
            context.put("worker_id", r.workerId());
        }
        context.put("sequence", r.sequence());
        if (r.processed() != null) {
            context.put("processed", r.processed());
        }
        if (r.total() != null) {
            context.put("total", r.total());
        }
        return context;
    }
}
