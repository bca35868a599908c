package io.rotation.analytics.jobs.model;

/** The {@code job_status} enum; constants are spelled as the database spells them. */
public enum JobStatus {
    pending, queued, running, completed, failed, cancelled, retrying;

    /** Completed, failed or cancelled: nothing changes the job any more. */
    public boolean ended() {
        return this == completed || this == failed || this == cancelled;
    }
}
