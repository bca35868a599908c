package io.rotation.contracts.jobs;

import java.time.Instant;

/**
 * An admin cancelled a job (key = job id): its runner stops at its next step and reports
 * {@code cancelled}. A runner that no longer runs the job ignores it.
 */
public record JobCancelRequested(long jobId, String jobType, String ownerService, Long requestedBy,
                                 Instant requestedAt) {
}
