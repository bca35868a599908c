package io.rotation.catalog.inventory.service;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.rotation.catalog.discogs.api.RequestCounters;
import io.rotation.catalog.inventory.model.Caller;
import io.rotation.catalog.inventory.model.SyncProgress;
import io.rotation.catalog.inventory.model.SyncRunView;
import io.rotation.catalog.inventory.repository.SyncRunRepository;
import io.rotation.catalog.store.model.Store;
import io.rotation.catalog.store.repository.StoreRepository;
import io.rotation.platform.audit.AuditActor;
import io.rotation.platform.audit.AuditEntries;
import io.rotation.platform.outbox.Outbox;
import io.rotation.platform.problem.ProblemException;
import io.rotation.platform.problem.ProblemType;
import io.rotation.platform.problem.UniqueViolation;
import io.rotation.platform.jobs.JobContext;
import io.rotation.platform.jobs.JobLevel;
import io.rotation.platform.jobs.JobRunner;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Store syncs as background jobs: a sync_runs row per sync, run one at a time on a dedicated worker
 * thread (the Discogs rate limit is per token, so parallel syncs would only queue at the gate), its
 * counts stored after every page. One pending or running sync per store.
 * <p>
 * A sync of an instance that stops never finishes; so that its store can be synced again, every
 * instance touches the heartbeat of its unfinished syncs regularly, and marks failed the unfinished
 * syncs of others whose heartbeat is older than {@code rotation.catalog.sync.stale-after}, at
 * start-up and on every heartbeat (as imports do).
 * <p>
 * Every sync reports to analytics' jobs as well ({@link JobRunner}): one a manager started here under the
 * run key {@code catalog-service/sync/<id>}, one an admin asked analytics for ({@code store_sync},
 * parameter {@code store_id}) as that job, run by {@link #runRequested} on the job runner's thread.
 */
@ApplicationScoped
public class SyncJobs {

    private static final Logger LOG = Logger.getLogger(SyncJobs.class);
    private static final Duration DB_TIMEOUT = Duration.ofSeconds(30);

    /** Audit: a manager or admin (or a job an admin started) started a sync; entity {@code sync_run}. */
    public static final String ENTITY = "sync_run";
    public static final String ACTION_STARTED = "store_sync_started";
    /** The sync's end: completed or failed, with what it changed. */
    public static final String ACTION_FINISHED = "store_sync_finished";

    static final String INTERRUPTED = "interrupted: the catalog instance running the sync stopped";

    private final StoreSync sync;
    private final SyncRunRepository runs;
    private final StoreRepository stores;
    private final Duration staleAfter;
    private final JobRunner jobs;
    private final Pool pool;
    private final Outbox outbox;
    /** This instance, as recorded in sync_runs.runner. */
    private final String runner = UUID.randomUUID().toString();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "catalog-store-sync");
        t.setDaemon(true);
        return t;
    });

    public SyncJobs(StoreSync sync, SyncRunRepository runs, StoreRepository stores,
                    @ConfigProperty(name = "rotation.catalog.sync.stale-after", defaultValue = "3m")
                    Duration staleAfter, JobRunner jobs, Pool pool, Outbox outbox) {
        this.sync = sync;
        this.pool = pool;
        this.outbox = outbox;
        this.jobs = jobs;
        this.runs = runs;
        this.stores = stores;
        this.staleAfter = staleAfter;
    }

    void onStart(@Observes StartupEvent start) {
        failStale();
    }

    /** The heartbeat of this instance's unfinished syncs, then the sweep of everyone's stale ones. */
    @Scheduled(every = "${rotation.catalog.sync.heartbeat-every:30s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void heartbeat() {
        runs.heartbeat(runner).await().atMost(DB_TIMEOUT);
        failStale();
    }

    private void failStale() {
        Integer failed = runs.failStale(runner, staleAfter, INTERRUPTED).await().atMost(DB_TIMEOUT);
        if (failed > 0) {
            LOG.warnf("%d store syncs of a stopped instance are marked failed", failed);
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /** Checks the caller and the store, records a pending run and queues it. */
    public Uni<SyncRunView> start(Caller caller, Long storeId) {
        if (storeId == null || storeId <= 0) {
            throw ProblemException.invalidField("store_id", "is required: a positive store id");
        }
        if (!caller.mayManage(storeId)) {
            throw new ProblemException(ProblemType.FORBIDDEN,
                    "only managers of store " + storeId + " and admins sync its inventory");
        }
        return stores.find(storeId).chain(store -> {
            check(storeId, store);
            return insert(storeId, store.discogsUsername(), caller.actor(), null)
                    .onFailure(UniqueViolation::is).transform(e -> ProblemException.conflict(
                            "store " + storeId + " already has a sync pending or running"))
                    .invoke(id -> {
                        JobContext job = jobs.open("catalog-service/sync/" + id, "store_sync",
                                Map.of("store_id", storeId, "sync_id", id), caller.userId());
                        worker.submit(() -> run(id, storeId, store.discogsUsername(), job, caller.actor()));
                    })
                    .chain(runs::find);
        });
    }

    /** The pending run and its audit entry ({@code store_sync_started}), in one transaction. */
    private Uni<Long> insert(long storeId, String username, AuditActor actor, Long jobId) {
        return pool.withTransaction(c -> runs.insert(c, storeId, username, actor.userId(), runner)
                .call(id -> outbox.append(c, AuditEntries.entry(actor, ACTION_STARTED, ENTITY, id, null,
                        AuditEntries.values("store_id", storeId, "discogs_username", username, "job_id", jobId)))));
    }

    private static void check(long storeId, Store store) {
        if (store == null) {
            throw ProblemException.invalidField("store_id", "no store with id " + storeId + " is known to the catalog");
        }
        if (!store.active()) {
            throw ProblemException.conflict("store " + storeId + " is " + store.status()
                    + ": only active stores are synced");
        }
        if (store.discogsUsername() == null) {
            throw ProblemException.invalidField("store_id", "store " + storeId
                    + " has no Discogs username to sync from");
        }
    }

    public Uni<SyncRunView> find(Caller caller, long id) {
        return runs.find(id).map(run -> {
            if (run == null) {
                throw ProblemException.notFound("sync " + id);
            }
            if (!caller.mayManage(run.storeId())) {
                throw new ProblemException(ProblemType.FORBIDDEN,
                        "only managers of store " + run.storeId() + " and admins see its syncs");
            }
            return run;
        });
    }

    /**
     * Runs a {@code store_sync} job analytics dispatched (parameter {@code store_id}), on the calling thread,
     * as a sync run of its own; its result is the sync's counts.
     */
    public Map<String, Object> runRequested(JobContext job) {
        Object value = job.parameters().get("store_id");
        long storeId;
        try {
            storeId = value == null ? 0 : Long.parseLong(value.toString());
        } catch (NumberFormatException e) {
            storeId = 0;
        }
        if (storeId <= 0) {
            throw new IllegalArgumentException("parameter store_id must be a positive store id");
        }
        long store = storeId;
        Store known = stores.find(store).await().atMost(DB_TIMEOUT);
        try {
            check(store, known);
        } catch (ProblemException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
        long id;
        try {
            id = insert(store, known.discogsUsername(), AuditActor.userOrSystem(job.initiatedBy()), job.jobId())
                    .await().atMost(DB_TIMEOUT);
        } catch (RuntimeException e) {
            if (UniqueViolation.is(e)) {
                throw new IllegalStateException("store " + store + " already has a sync pending or running");
            }
            throw e;
        }
        job.log(JobLevel.INFO, "sync " + id + " of store " + store + " (" + known.discogsUsername() + ")");
        return result(id, execute(id, store, known.discogsUsername(), job,
                AuditActor.userOrSystem(job.initiatedBy())));
    }

    private void run(long id, long storeId, String username, JobContext job, AuditActor actor) {
        try {
            job.completed(result(id, execute(id, storeId, username, job, actor)));
        } catch (RuntimeException e) {
            job.failed(e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    /** Syncs as run {@code id}, reporting after every page; a failure is stored, then thrown. */
    private SyncProgress execute(long id, long storeId, String username, JobContext job, AuditActor actor) {
        AuditActor finisher = AuditActor.userOrSystem(actor.userId());
        SyncProgress progress = new SyncProgress();
        RequestCounters counters = new RequestCounters();
        try {
            runs.running(id).await().atMost(DB_TIMEOUT);
            sync.run(storeId, username, progress, counters, () -> {
                store(id, progress, counters, null, null);
                job.progress(progress.pages, progress.pagesTotal > 0 ? (long) progress.pagesTotal : null);
            });
            finish(id, storeId, progress, counters, "completed", null, finisher);
            LOG.infof("sync %d of store %d (%s) completed: %d added, %d updated, %d removed, %d requests, %d 429s",
                    id, storeId, username, progress.added, progress.updated, progress.removed, counters.requests(),
                    counters.rateLimitedCount());
        } catch (RuntimeException e) {
            LOG.errorf(e, "sync %d of store %d failed", id, storeId);
            try {
                finish(id, storeId, progress, counters, "failed", e.getMessage() == null ? e.toString() : e.getMessage(),
                        finisher);
            } catch (RuntimeException storeFailure) {
                LOG.errorf(storeFailure, "could not mark sync %d failed", id);
            }
            throw e;
        }
        return progress;
    }

    private static Map<String, Object> result(long syncId, SyncProgress p) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("sync_id", syncId);
        result.put("pages", p.pages);
        result.put("added", p.added);
        result.put("updated", p.updated);
        result.put("unchanged", p.unchanged);
        result.put("removed", p.removed);
        result.put("skipped", p.skipped);
        result.put("releases_fetched", p.releasesFetched);
        return result;
    }

    /** The run's end and its audit entry ({@code store_sync_finished}: status, counts, error), in one transaction. */
    private void finish(long id, long storeId, SyncProgress p, RequestCounters counters, String status, String error,
                        AuditActor actor) {
        Map<String, Object> values = AuditEntries.values("store_id", storeId, "status", status, "added", p.added,
                "updated", p.updated, "removed", p.removed, "unchanged", p.unchanged, "skipped", p.skipped,
                "error", error);
        pool.withTransaction(c -> runs.store(c, id, p, counters.requests(), counters.rateLimitedCount(), status, error)
                        .call(() -> outbox.append(c, AuditEntries.entry(actor, ACTION_FINISHED, ENTITY, id, null,
                                values))))
                .await().atMost(DB_TIMEOUT);
    }

    private void store(long id, SyncProgress p, RequestCounters c, String finalStatus, String error) {
        runs.store(id, p, c.requests(), c.rateLimitedCount(), finalStatus, error).await().atMost(DB_TIMEOUT);
    }
}
