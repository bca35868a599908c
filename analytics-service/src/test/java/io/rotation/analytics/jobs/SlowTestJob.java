package io.rotation.analytics.jobs;

import io.rotation.platform.jobs.JobContext;
import io.rotation.platform.jobs.JobHandler;
import io.rotation.platform.jobs.JobLevel;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** A test runner of {@code cache_warmup}: {@code steps} steps of {@code step_ms} each, reporting every step. */
@ApplicationScoped
public class SlowTestJob implements JobHandler {

    @Override
    public String jobType() {
        return "cache_warmup";
    }

    @Override
    public Map<String, Object> run(JobContext job) throws InterruptedException {
        int steps = ((Number) job.parameters().getOrDefault("steps", 3)).intValue();
        long stepMs = ((Number) job.parameters().getOrDefault("step_ms", 50)).longValue();
        for (int i = 0; i < steps; i++) {
            job.progress(i, (long) steps);
            Thread.sleep(stepMs);
        }
        job.log(JobLevel.INFO, steps + " steps done");
        return Map.of("steps", steps);
    }
}
