package io.rotation.matching.audio.service;

import io.rotation.matching.release.repository.ReleaseRepository;
import io.rotation.platform.jobs.JobContext;
import io.rotation.platform.jobs.JobHandler;
import io.rotation.platform.jobs.JobLevel;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The {@code audio_matching} job: queues releases for matching — those of {@code record_ids}, every
 * release with {@code all: true}, else only what is already queued — and matches them batch by batch,
 * reporting progress and stopping at a batch boundary when cancelled. The scheduled worker matches the
 * same queue meanwhile; the claims keep them from matching a release twice.
 */
@ApplicationScoped
public class AudioMatchingJob implements JobHandler {

    public static final String JOB_TYPE = "audio_matching";
    private static final Duration BATCH_TIMEOUT = Duration.ofMinutes(10);

    private final ReleaseRepository releases;
    private final MatchingWorker worker;

    public AudioMatchingJob(ReleaseRepository releases, MatchingWorker worker) {
        this.releases = releases;
        this.worker = worker;
    }

    @Override
    public String jobType() {
        return JOB_TYPE;
    }

    @Override
    public Map<String, Object> run(JobContext job) {
        Long[] recordIds = recordIds(job.parameters());
        long queued = releases.requestMatching(recordIds).await().atMost(BATCH_TIMEOUT);
        job.log(JobLevel.INFO, queued + " releases queued for matching");
        long matched = 0;
        int batch;
        do {
            job.checkpoint();
            batch = worker.runOnce(job.jobId()).await().atMost(BATCH_TIMEOUT);
            matched += batch;
            job.progress(matched, Math.max(queued, matched));
        } while (batch > 0);
        return Map.of("releases_matched", matched);
    }

    /** record_ids → those; all=true → null (every release); neither → none (the queue as it is). */
    static Long[] recordIds(Map<String, Object> parameters) {
        Map<String, Object> p = parameters == null ? Map.of() : parameters;
        if (p.get("record_ids") instanceof List<?> ids) {
            return ids.stream().map(id -> Long.valueOf(String.valueOf(id))).toArray(Long[]::new);
        }
        return Boolean.TRUE.equals(p.get("all")) ? null : new Long[0];
    }
}
