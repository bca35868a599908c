package io.rotation.catalog.jobs.handler;

import io.rotation.catalog.imports.service.ImportJobs;
import io.rotation.platform.jobs.JobContext;
import io.rotation.platform.jobs.JobHandler;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** {@code discogs_import} jobs from analytics: a releases dump at the server-side {@code path}. */
@ApplicationScoped
public class DiscogsImportJob implements JobHandler {

    private final ImportJobs imports;

    public DiscogsImportJob(ImportJobs imports) {
        this.imports = imports;
    }

    @Override
    public String jobType() {
        return "discogs_import";
    }

    @Override
    public Map<String, Object> run(JobContext job) throws Exception {
        return imports.runRequested(job);
    }
}
