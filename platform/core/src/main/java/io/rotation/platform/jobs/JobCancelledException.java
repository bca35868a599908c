package io.rotation.platform.jobs;

/** Thrown by {@link JobContext#checkpoint()} (and every progress call) once the job was cancelled. */
public class JobCancelledException extends RuntimeException {
    public JobCancelledException(String runKey) {
        super("job run " + runKey + " was cancelled");
    }
}
