package io.rotation.analytics.jobs.service;

import io.rotation.analytics.jobs.model.JobLogView;
import io.rotation.analytics.jobs.model.JobOwners;
import io.rotation.analytics.jobs.model.JobStatus;
import io.rotation.analytics.jobs.model.JobType;
import io.rotation.analytics.jobs.model.JobView;
import io.rotation.analytics.jobs.model.NewJob;
import io.rotation.analytics.jobs.repository.JobRepository;
import io.rotation.contracts.EventType;
import io.rotation.contracts.jobs.JobCancelRequested;
import io.rotation.platform.event.OutboundEvent;
import io.rotation.platform.outbox.Outbox;
import io.rotation.platform.paging.Page;
import io.rotation.platform.paging.PageRequest;
import io.rotation.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The admin's side of jobs: create (dispatched by {@link JobDispatcher}), cancel, list, read with logs.
 */
@ApplicationScoped
public class JobService {

    public static final int DEFAULT_MAX_RETRIES = 2;
    public static final int MAX_RETRIES = 10;
    /** How many log lines a single-job read returns (the oldest; the WebSocket streams the rest). */
    public static final int LOG_LINES = 1000;

    private final JobRepository jobs;
    private final Pool pool;
    private final Outbox outbox;

    private final String runnerName;

    public JobService(JobRepository jobs, Pool pool, Outbox outbox, io.rotation.platform.jobs.JobsConfig runner) {
        this.jobs = jobs;
        this.runnerName = runner.service();
        this.pool = pool;
        this.outbox = outbox;
    }

    public Uni<JobView> create(NewJob body, long adminId) {
        if (body == null) {
            throw ProblemException.invalidField("type", "is required");
        }
        JobType type = JobOwners.dispatchable(body.type()).orElseThrow(() -> ProblemException.invalidField("type",
                "must be one of " + JobOwners.names()));
        int maxRetries = body.maxRetries() == null ? DEFAULT_MAX_RETRIES : body.maxRetries();
        if (maxRetries < 0 || maxRetries > MAX_RETRIES) {
            throw ProblemException.invalidField("max_retries", "must be between 0 and " + MAX_RETRIES);
        }
        int priority = body.priority() == null ? 5 : body.priority();
        if (priority < 1 || priority > 10) {
            throw ProblemException.invalidField("priority", "must be between 1 and 10");
        }
        if (body.dependsOn() != null && body.dependsOn() <= 0) {
            throw ProblemException.invalidField("depends_on", "must be a positive job id");
        }
        Map<String, Object> params = body.params() == null ? Map.of() : body.params();
        Uni<Boolean> dependency = body.dependsOn() == null ? Uni.createFrom().item(true)
                : jobs.exists(body.dependsOn());
        return dependency.chain(known -> {
            if (!known) {
                throw ProblemException.invalidField("depends_on", "no job with id " + body.dependsOn());
            }
            return pool.withTransaction(c -> jobs.insert(c, type.name(), JobOwners.ownerOf(type, runnerName), params, priority,
                            adminId, maxRetries + 1, body.dependsOn())
                    .call(id -> jobs.log(c, id, "info", "created by user " + adminId
                            + (body.dependsOn() == null ? "" : ", waiting for job " + body.dependsOn()),
                            Map.of("initiated_by", adminId), null)));
        }).chain(this::find);
    }

    /** The job with its log lines; 404 when unknown. */
    public Uni<JobView> find(long id) {
        return jobs.find(id).chain(job -> {
            if (job == null) {
                throw ProblemException.notFound("job " + id);
            }
            return jobs.logs(id, 0, LOG_LINES).map(job::withLogs);
        });
    }

    public Uni<Page<JobView>> list(String status, String type, PageRequest page) {
        if (status != null && Arrays.stream(JobStatus.values()).noneMatch(s -> s.name().equals(status))) {
            throw ProblemException.invalidField("status", "must be one of " + Arrays.toString(JobStatus.values()));
        }
        if (type != null && Arrays.stream(JobType.values()).noneMatch(t -> t.name().equals(type))) {
            throw ProblemException.invalidField("type", "must be one of " + Arrays.toString(JobType.values()));
        }
        Long before = page.first() ? null : page.afterPart(0, Long::valueOf);
        return jobs.list(status, type, before, page.limit() + 1)
                .map(rows -> page.page(rows, j -> List.of(j.id())));
    }

    /**
     * Cancels a job: one not out with a runner ends now; a queued or running one is asked to stop
     * (JobCancelRequested to its owner) and ends when its runner reports, or when the watchdog finds it
     * silent. 409 when it already ended.
     */
    public Uni<JobView> cancel(long id, long adminId) {
        return pool.withTransaction(c -> jobs.requestCancel(c, id).chain(job -> {
            if (job == null) {
                return Uni.createFrom().item(false);
            }
            String message = JobStatus.valueOf(job.status()) == JobStatus.cancelled
                    ? "cancelled by user " + adminId
                    : "cancellation requested by user " + adminId + "; " + job.ownerService() + " stops at its next step";
            Uni<Void> ask = JobStatus.valueOf(job.status()) == JobStatus.cancelled ? Uni.createFrom().voidItem()
                    : outbox.append(c, OutboundEvent.of(EventType.JOB_CANCEL_REQUESTED, id, new JobCancelRequested(id,
                            job.type(), job.ownerService(), adminId, Instant.now())));
            return ask.chain(() -> jobs.log(c, id, "warning", message, Map.of("requested_by", adminId), null))
                    .replaceWith(true);
        })).chain(changed -> {
            if (changed) {
                return find(id);
            }
            return jobs.find(id).map(job -> {
                if (job == null) {
                    throw ProblemException.notFound("job " + id);
                }
                throw ProblemException.conflict("job " + id + " already ended " + job.status());
            });
        });
    }
}
