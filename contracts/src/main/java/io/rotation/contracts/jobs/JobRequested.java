package io.rotation.contracts.jobs;

import java.time.Instant;
import java.util.Map;

/**
 * analytics asks the service that owns a job type to run one attempt of a job (key = job id). The
 * owner answers with {@link JobProgressReported} events whose {@code runKey} is {@link #runKeyOf}.
 * {@code jobType} is a value of analytics' {@code job_type} enum; {@code attempt} counts from 1.
 */
public record JobRequested(long jobId, String jobType, String ownerService, Map<String, Object> parameters,
                           int attempt, Long initiatedBy, Instant requestedAt) {

    /** The run key of a job analytics dispatched: one per job, whatever the attempt. */
    public static String runKeyOf(long jobId) {
        return "job-" + jobId;
    }
}
