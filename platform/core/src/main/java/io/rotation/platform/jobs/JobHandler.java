package io.rotation.platform.jobs;

import java.util.Map;

/**
 * Runs one job type that analytics dispatches to this service (a CDI bean; {@link JobRunner} finds
 * it by {@link #jobType()}). {@link #run} is blocking and runs on the runner's worker thread; it
 * reports through its {@link JobContext} and calls one of its progress methods or
 * {@link JobContext#checkpoint()} between steps, which is where a cancellation stops it.
 */
public interface JobHandler {

    /** A value of analytics' {@code job_type} enum, e.g. {@code store_sync}. */
    String jobType();

    /**
     * Does the work. Returning completes the run with the returned result; throwing fails it (analytics
     * retries with back-off while attempts remain); a {@link JobCancelledException} cancels it.
     */
    Map<String, Object> run(JobContext job) throws Exception;
}
