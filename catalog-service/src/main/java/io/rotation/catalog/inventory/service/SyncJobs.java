package io.rotation.catalog.inventory.service;

import io.quarkus.runtime.StartupEvent;
import io.rotation.catalog.discogs.api.RequestCounters;
import io.rotation.catalog.inventory.model.Caller;
import io.rotation.catalog.inventory.model.SyncProgress;
import io.rotation.catalog.inventory.model.SyncRunView;
import io.rotation.catalog.inventory.repository.SyncRunRepository;
import io.rotation.catalog.store.model.Store;
import io.rotation.catalog.store.repository.StoreRepository;
import io.rotation.platform.problem.ProblemException;
import io.rotation.platform.problem.ProblemType;
import io.rotation.platform.problem.UniqueViolation;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * Store syncs as background jobs: a sync_runs row per sync, run one at a time on a dedicated worker
 * thread (the Discogs rate limit is per token, so parallel syncs would only queue at the gate), its
 * counts stored after every page. One pending or running sync per store.
 */
@ApplicationScoped
public class SyncJobs {

    private static final Logger LOG = Logger.getLogger(SyncJobs.class);
    private static final Duration DB_TIMEOUT = Duration.ofSeconds(30);

    private final StoreSync sync;
    private final SyncRunRepository runs;
    private final StoreRepository stores;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "catalog-store-sync");
        t.setDaemon(true);
        return t;
    });

    public SyncJobs(StoreSync sync, SyncRunRepository runs, StoreRepository stores) {
        this.sync = sync;
        this.runs = runs;
        this.stores = stores;
    }

    /**
     * A sync left pending or running by a stopped service never finishes: it is failed at start-up so
     * that the store can be synced again. (One catalog instance runs syncs; several would need a lease.)
     */
    void onStart(@Observes StartupEvent start) {
        Integer failed = runs.failUnfinished("interrupted: the catalog service stopped during the sync")
                .await().atMost(DB_TIMEOUT);
        if (failed > 0) {
            LOG.warnf("%d store syncs were interrupted by a restart and are marked failed", failed);
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
            return runs.insert(storeId, store.discogsUsername(), caller.userId())
                    .onFailure(UniqueViolation::is).transform(e -> ProblemException.conflict(
                            "store " + storeId + " already has a sync pending or running"))
                    .invoke(id -> worker.submit(() -> run(id, storeId, store.discogsUsername())))
                    .chain(runs::find);
        });
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

    private void run(long id, long storeId, String username) {
        SyncProgress progress = new SyncProgress();
        RequestCounters counters = new RequestCounters();
        try {
            runs.running(id).await().atMost(DB_TIMEOUT);
            sync.run(storeId, username, progress, counters, () -> store(id, progress, counters, null, null));
            store(id, progress, counters, "completed", null);
            LOG.infof("sync %d of store %d (%s) completed: %d added, %d updated, %d removed, %d requests, %d 429s",
                    id, storeId, username, progress.added, progress.updated, progress.removed, counters.requests(),
                    counters.rateLimitedCount());
        } catch (RuntimeException e) {
            LOG.errorf(e, "sync %d of store %d failed", id, storeId);
            try {
                store(id, progress, counters, "failed", e.getMessage() == null ? e.toString() : e.getMessage());
            } catch (RuntimeException storeFailure) {
                LOG.errorf(storeFailure, "could not mark sync %d failed", id);
            }
        }
    }

    private void store(long id, SyncProgress p, RequestCounters c, String finalStatus, String error) {
        runs.store(id, p, c.requests(), c.rateLimitedCount(), finalStatus, error).await().atMost(DB_TIMEOUT);
    }
}
