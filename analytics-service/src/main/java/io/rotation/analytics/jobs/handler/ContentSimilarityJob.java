package io.rotation.analytics.jobs.handler;

import io.rotation.analytics.similarity.service.SimilarityService;
import io.rotation.platform.jobs.JobContext;
import io.rotation.platform.jobs.JobHandler;
import io.rotation.platform.jobs.JobLevel;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;

/** {@code content_similarity} on demand: every record's similarity rows recounted, as the nightly run does. */
@ApplicationScoped
public class ContentSimilarityJob implements JobHandler {

    private static final Duration TIMEOUT = Duration.ofMinutes(60);

    private final Pool pool;
    private final SimilarityService similarity;

    public ContentSimilarityJob(Pool pool, SimilarityService similarity) {
        this.pool = pool;
        this.similarity = similarity;
    }

    @Override
    public String jobType() {
        return "content_similarity";
    }

    @Override
    public Map<String, Object> run(JobContext job) {
        job.progress(0, 1L);
        Map<String, Integer> written = pool.withTransaction(similarity::recountAll).await().atMost(TIMEOUT);
        written.forEach((kind, rows) -> job.log(JobLevel.INFO, rows + " " + kind + " rows recounted"));
        job.progress(1, 1L);
        return Map.of("collaborative_rows", written.getOrDefault("collaborative", 0),
                "metadata_rows", written.getOrDefault("metadata", 0));
    }
}
