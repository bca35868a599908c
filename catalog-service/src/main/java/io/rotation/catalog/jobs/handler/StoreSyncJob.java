package io.rotation.catalog.jobs.handler;

import io.rotation.catalog.inventory.service.SyncJobs;
import io.rotation.platform.jobs.JobContext;
import io.rotation.platform.jobs.JobHandler;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** {@code store_sync} jobs from analytics: a store's inventory made equal to its Discogs listings. */
@ApplicationScoped
public class StoreSyncJob implements JobHandler {

    private final SyncJobs syncs;

    public StoreSyncJob(SyncJobs syncs) {
        this.syncs = syncs;
    }

    @Override
    public String jobType() {
        return "store_sync";
    }

    @Override
    public Map<String, Object> run(JobContext job) {
        return syncs.runRequested(job);
    }
}
