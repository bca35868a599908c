package io.rotation.analytics.jobs.service;

import io.quarkus.scheduler.Scheduled;
import io.rotation.analytics.jobs.repository.JobRepository;
import io.rotation.analytics.jobs.repository.JobRepository.Flight;
import io.rotation.contracts.EventType;
import io.rotation.contracts.jobs.JobRequested;
import io.rotation.platform.event.OutboundEvent;
import io.rotation.platform.outbox.Outbox;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Sends due jobs to the services that own them and watches them there. Every second: pending and
 * retrying jobs whose time came and whose dependency completed become {@code queued} with their next
 * attempt and a {@link JobRequested} in the outbox (same transaction); pending jobs whose dependency
 * failed or was cancelled fail. Every few seconds: a running job whose runner stopped reporting
 * ({@link JobsSettings#staleAfter()}) or a queued one nobody took up ({@link JobsSettings#queuedTimeout()})
 * ends that attempt as failed: retried with back-off while attempts remain, else failed (cancelled
 * if an admin asked). Rows are taken with {@code skip locked}, so replicas share the work.
 */
@ApplicationScoped
public class JobDispatcher {

    private static final Logger LOG = Logger.getLogger(JobDispatcher.class);
    private static final int BATCH = 50;

    private final Pool pool;
    private final JobRepository jobs;
    private final Outbox outbox;
    private final JobsSettings settings;

    public JobDispatcher(Pool pool, JobRepository jobs, Outbox outbox, JobsSettings settings) {
        this.pool = pool;
        this.jobs = jobs;
        this.outbox = outbox;
        this.settings = settings;
    }

    @Scheduled(every = "${rotation.analytics.jobs.dispatch-every:1s}", delayed = "3s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> tick() {
        return dispatch().replaceWithVoid()
                .onFailure().invoke(e -> LOG.warnf("job dispatch failed: %s", e.toString()))
                .onFailure().recoverWithNull();
    }

    @Scheduled(every = "${rotation.analytics.jobs.watch-every:5s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> watch() {
        return endSilentAttempts().replaceWithVoid()
                .onFailure().invoke(e -> LOG.warnf("job watchdog failed: %s", e.toString()))
                .onFailure().recoverWithNull();
    }

    /** One round of dispatching; how many jobs were sent. */
    public Uni<Integer> dispatch() {
        return pool.withTransaction(c -> jobs.failOrphans(c)
                .call(ids -> each(ids, id -> jobs.log(c, id, "error", "failed: a job it depends on did not complete",
                        Map.of(), null)))
                .chain(() -> jobs.takeDue(c, BATCH))
                .call(due -> outbox.append(c, due.stream().map(JobDispatcher::request).toList()))
                .call(due -> each(due, job -> jobs.log(c, job.id(), "info", "attempt " + job.attempts() + " of "
                        + job.maxAttempts() + " sent to " + job.ownerService(), Map.of("attempt", job.attempts()),
                        null)))
                .map(List::size));
    }

    /** One round of the watchdog; how many silent attempts were ended. */
    public Uni<Integer> endSilentAttempts() {
        return pool.withTransaction(c -> jobs.lockSilent(c, settings.staleAfter(), settings.queuedTimeout(), BATCH)
                .call(silent -> each(silent, job -> endSilent(c, job)))
                .map(List::size));
    }

    private Uni<Void> endSilent(SqlConnection c, Flight job) {
        String reason = "queued".equals(job.status())
                ? "no runner of " + job.ownerService() + " took attempt " + job.attempts() + " up within "
                        + settings.queuedTimeout().toSeconds() + " s"
                : "runner " + job.workerId() + " stopped reporting (no heartbeat for "
                        + settings.staleAfter().toSeconds() + " s)";
        return JobProgressService.endAttempt(jobs, c, job.id(), reason, null, null, settings);
    }

    static OutboundEvent request(Flight job) {
        return OutboundEvent.of(EventType.JOB_REQUESTED, job.id(), new JobRequested(job.id(), job.type(),
                job.ownerService(), job.parameters(), job.attempts(), job.initiatedBy(), Instant.now()));
    }

    private static <T> Uni<Void> each(List<T> items, java.util.function.Function<T, Uni<Void>> action) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (T item : items) {
            chain = chain.chain(() -> action.apply(item));
        }
        return chain;
    }
}
