package io.rotation.contracts.jobs;

import java.time.Instant;
import java.util.Map;

/**
 * A runner's report on one job run (key = {@code runKey}, so one run's reports stay in order):
 * analytics turns it into its {@code jobs} row and, when {@code message} is set, a {@code job_logs}
 * line at {@code level}. {@code jobId} is set for jobs analytics dispatched
 * ({@code runKey = JobRequested.runKeyOf(jobId)}); a runner that started a job itself (a catalog
 * import, a store sync) leaves it null and names the run by a stable {@code runKey} such as
 * {@code catalog-service/import/42}, which analytics keeps as the job's idempotency key.
 * {@code sequence} grows with every report of a run; a report older than the newest seen is ignored.
 * {@code status} is {@code running}, {@code completed}, {@code failed} or {@code cancelled};
 * {@code level} is {@code debug}, {@code info}, {@code warning}, {@code error} or {@code critical}.
 */
public record JobProgressReported(String runKey, Long jobId, String jobType, String service, String workerId,
                                  long sequence, String status, Double percent, Long processed, Long total,
                                  String level, String message, Map<String, Object> result,
                                  String errorMessage, Instant reportedAt) {
}
