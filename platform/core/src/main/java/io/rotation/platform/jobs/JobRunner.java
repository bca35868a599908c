package io.rotation.platform.jobs;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.rotation.contracts.EventType;
import io.rotation.contracts.jobs.JobCancelRequested;
import io.rotation.contracts.jobs.JobProgressReported;
import io.rotation.contracts.jobs.JobRequested;
import io.rotation.platform.consumer.IdempotentConsumer;
import io.rotation.platform.event.InboundEvent;
import io.rotation.platform.event.OutboundEvent;
import io.rotation.platform.event.PoisonEventException;
import io.rotation.platform.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.jboss.logging.Logger;

/**
 * Runs the jobs this service owns and reports them, the one way every service does jobs.
 * <p>
 * <b>Jobs analytics dispatches.</b> The service declares the channel {@code job-requests} on topic
 * {@code rotation.analytics.job-requests.v1} (batch, bytes, its own group id) and a one-line consumer
 * {@code @Incoming("job-requests") Uni<Void> consume(ConsumerRecords<String, byte[]> r) { return runner.accept(r); }},
 * and a {@link JobHandler} bean per job type it owns. {@link #accept} claims each
 * {@code JobRequested}/{@code JobCancelRequested} once ({@link IdempotentConsumer}); a request for this
 * service ({@code ownerService} = {@code rotation.jobs.service}) is queued on the runner's worker
 * threads ({@code rotation.jobs.workers}) after the claim commits, and its handler runs with a
 * {@link JobContext} whose every report is a {@code JobProgressReported} written through the service's
 * outbox. Requests for other services are claimed and skipped. A cancellation reaches the instance
 * that holds the job's partition (requests and cancels are keyed by job id), which is the one that
 * accepted the request unless partitions moved in between.
 * <p>
 * <b>Runs the service starts itself</b> (an upload import, a store sync a manager asked for):
 * {@link #open} gives a {@link JobContext} under a stable run key such as
 * {@code catalog-service/import/42}; the caller runs the work where it likes and ends the context.
 * analytics shows such runs among its jobs.
 * <p>
 * Every open run, queued or running, reports a heartbeat every {@code rotation.jobs.heartbeat-every};
 * analytics fails or retries a dispatched job whose heartbeats stop (the instance died: its claim
 * committed, so the request is not redelivered; analytics' retry is the recovery). On shutdown the
 * runs still open are reported failed ("interrupted") so that analytics retries them at once.
 */
@ApplicationScoped
public class JobRunner {

    private static final Logger LOG = Logger.getLogger(JobRunner.class);
    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(30);
    /** The name this runner claims request ids under in processed_event. */
    static final String CONSUMER = "jobs.requests";

    private final IdempotentConsumer consumer;
    private final Pool pool;
    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final JobsConfig config;
    private final Map<String, JobHandler> handlers = new HashMap<>();
    private final Map<String, JobContext> open = new ConcurrentHashMap<>();
    private final String workerId;
    private final ExecutorService workers;

    public JobRunner(IdempotentConsumer consumer, Pool pool, Outbox outbox, ObjectMapper mapper, JobsConfig config,
                     Instance<JobHandler> handlerBeans) {
        this.consumer = consumer;
        this.pool = pool;
        this.outbox = outbox;
        this.mapper = mapper;
        this.config = config;
        for (JobHandler handler : handlerBeans) {
            JobHandler previous = handlers.put(handler.jobType(), handler);
            if (previous != null) {
                throw new IllegalStateException("two handlers for job type " + handler.jobType() + ": "
                        + previous.getClass().getName() + " and " + handler.getClass().getName());
            }
        }
        this.workerId = config.service() + "@" + host() + "/" + ProcessHandle.current().pid();
        this.workers = Executors.newFixedThreadPool(Math.max(1, config.workers()), r -> {
            Thread t = new Thread(r, "jobs-worker");
            t.setDaemon(true);
            return t;
        });
    }

    /** The job types this instance runs. */
    public java.util.Set<String> jobTypes() {
        return java.util.Set.copyOf(handlers.keySet());
    }

    public String workerId() {
        return workerId;
    }

    /** Applies a batch of the job-requests topic: see the class comment. */
    public Uni<Void> accept(ConsumerRecords<String, byte[]> records) {
        Map<UUID, Record> fresh = new LinkedHashMap<>();
        return consumer.consume(records, CONSUMER, this::decode, (connection, batch) -> {
            batch.forEach(d -> fresh.put(d.event().id(), d.payload()));
            return Uni.createFrom().voidItem();
        }).invoke(() -> fresh.values().forEach(this::act));
    }

    /**
     * Opens a run the service started itself, under {@code runKey} (stable: the same run always has the
     * same key). The caller reports through it and ends it; it heartbeats until then.
     */
    public JobContext open(String runKey, String jobType, Map<String, Object> parameters, Long initiatedBy) {
        JobContext job = context(runKey, null, jobType, 1, parameters, initiatedBy);
        open.put(runKey, job);
        return job;
    }

    /** Reports the end of a run that no instance runs any more (a sweep found it stale), as failed. */
    public void reportAbandoned(String runKey, String jobType, String error) {
        context(runKey, null, jobType, 1, Map.of(), null).failed(error);
    }

    /** Whether a run of this key is open here (queued, running, or opened and not yet ended). */
    public boolean isOpen(String runKey) {
        JobContext job = open.get(runKey);
        return job != null && !job.finished();
    }

    @Scheduled(every = "${rotation.jobs.heartbeat-every:15s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void heartbeat() {
        for (Map.Entry<String, JobContext> entry : open.entrySet()) {
            JobContext job = entry.getValue();
            if (job.finished()) {
                open.remove(entry.getKey(), job);
                continue;
            }
            try {
                job.heartbeat();
            } catch (RuntimeException e) {
                LOG.warnf("heartbeat of %s not written: %s", entry.getKey(), e.toString());
            }
        }
    }

    void stop(@Observes ShutdownEvent event) {
        workers.shutdownNow();
        for (JobContext job : new ArrayList<>(open.values())) {
            if (!job.finished()) {
                try {
                    job.failed("interrupted: " + workerId + " shut down while the job was open");
                } catch (RuntimeException e) {
                    LOG.warnf("could not report %s interrupted: %s", job.runKey(), e.toString());
                }
            }
        }
    }

    private Record decode(InboundEvent event) {
        if (EventType.JOB_REQUESTED.type().equals(event.type())) {
            JobRequested request = event.data(mapper, JobRequested.class);
            if (request.jobId() <= 0 || request.jobType() == null || request.ownerService() == null
                    || request.attempt() < 1) {
                throw new PoisonEventException("JobRequested without job id, type, owner or attempt");
            }
            return request;
        }
        if (EventType.JOB_CANCEL_REQUESTED.type().equals(event.type())) {
            return event.data(mapper, JobCancelRequested.class);
        }
        throw new PoisonEventException("unexpected event type " + event.type());
    }

    private void act(Record payload) {
        if (payload instanceof JobRequested request) {
            if (config.service().equals(request.ownerService())) {
                queue(request);
            }
        } else if (payload instanceof JobCancelRequested cancel) {
            JobContext job = open.get(JobRequested.runKeyOf(cancel.jobId()));
            if (job != null) {
                job.requestCancel();
                LOG.infof("job %d: cancellation requested", cancel.jobId());
            }
        }
    }

    private void queue(JobRequested request) {
        String runKey = JobRequested.runKeyOf(request.jobId());
        JobContext job = context(runKey, request.jobId(), request.jobType(), request.attempt(),
                request.parameters(), request.initiatedBy());
        JobContext previous = open.put(runKey, job);
        if (previous != null) {
            previous.requestCancel();
        }
        try {
            workers.submit(() -> run(job));
        } catch (RejectedExecutionException e) {
            open.remove(runKey, job);
            return;
        }
        Infrastructure.getDefaultWorkerPool().execute(() -> quietly(job, () -> job.log(JobLevel.INFO,
                "attempt " + request.attempt() + " accepted by " + workerId)));
    }

    private void run(JobContext job) {
        JobHandler handler = handlers.get(job.jobType());
        try {
            if (handler == null) {
                job.failed(config.service() + " has no runner for job type " + job.jobType());
                return;
            }
            job.log(JobLevel.INFO, "started on " + workerId);
            Map<String, Object> result = handler.run(job);
            job.completed(result == null ? Map.of() : result);
        } catch (JobCancelledException e) {
            quietly(job, job::cancelled);
        } catch (Exception | StackOverflowError e) {
            LOG.warnf(e, "job %s (%s) failed", job.runKey(), job.jobType());
            quietly(job, () -> job.failed(e.getMessage() == null ? e.toString() : e.getMessage()));
        } finally {
            open.remove(job.runKey(), job);
        }
    }

    private JobContext context(String runKey, Long jobId, String jobType, int attempt, Map<String, Object> parameters,
                               Long initiatedBy) {
        return new JobContext(runKey, jobId, jobType, config.service(), workerId, attempt, parameters, initiatedBy,
                this::write, config.progressEvery(), Clock.systemUTC());
    }

    /** One report in its own transaction through the outbox (blocking: called from worker threads). */
    private void write(JobProgressReported report) {
        pool.withTransaction(c -> outbox.append(c, OutboundEvent.of(EventType.JOB_PROGRESS_REPORTED,
                report.runKey(), report))).await().atMost(WRITE_TIMEOUT);
    }

    private static void quietly(JobContext job, Runnable report) {
        try {
            report.run();
        } catch (RuntimeException e) {
            LOG.warnf("report of %s not written: %s", job.runKey(), e.toString());
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown-host";
        }
    }
}
