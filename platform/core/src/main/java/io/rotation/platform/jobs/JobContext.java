package io.rotation.platform.jobs;

import io.rotation.contracts.jobs.JobProgressReported;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One run of a job as its runner sees it: what to do ({@link #parameters()}) and how to say how it
 * goes. Every call becomes a {@link JobProgressReported} of this run ({@link #runKey()}), written to
 * the service's outbox by the sink the {@link JobRunner} gave it, so a report is never lost and
 * analytics sees them in order.
 * <ul>
 *   <li>{@link #progress(long, Long)}: counts (and the percent they imply), reported at most every
 *       {@code rotation.jobs.progress-every}; {@link #log}: a line for job_logs, always reported;</li>
 *   <li>both check for a cancellation first and throw {@link JobCancelledException}, as does
 *       {@link #checkpoint()}: that is how a run stops "at its next step";</li>
 *   <li>{@link #completed}, {@link #failed}, {@link #cancelled}: the end of the run, reported once;
 *       nothing is reported after it.</li>
 * </ul>
 * {@code sequence} is {@code attempt × 10^16 + microseconds since the epoch}, kept increasing within
 * the run: a later attempt always outranks an earlier one (a straggler of a runner thought dead is
 * ignored by analytics), and a report made later by another instance (a run of a stopped instance
 * failed by a sweep) outranks the dead instance's reports. Thread-safe.
 */
public final class JobContext {

    public static final long ATTEMPT_STRIDE = 10_000_000_000_000_000L;

    private final String runKey;
    private final Long jobId;
    private final String jobType;
    private final String service;
    private final String workerId;
    private final int attempt;
    private final Map<String, Object> parameters;
    private final Long initiatedBy;
    private final Consumer<JobProgressReported> sink;
    private final Duration progressEvery;
    private final Clock clock;

    private volatile boolean cancelRequested;
    private long lastSequence;
    private Instant lastProgressAt = Instant.EPOCH;
    private long processed;
    private Long total;
    private Double percent;
    private String finalStatus;

    JobContext(String runKey, Long jobId, String jobType, String service, String workerId, int attempt,
               Map<String, Object> parameters, Long initiatedBy, Consumer<JobProgressReported> sink,
               Duration progressEvery, Clock clock) {
        if (attempt < 1 || attempt > 900) {
            throw new IllegalArgumentException("attempt must be between 1 and 900: " + attempt);
        }
        this.runKey = runKey;
        this.jobId = jobId;
        this.jobType = jobType;
        this.service = service;
        this.workerId = workerId;
        this.attempt = attempt;
        this.parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
        this.initiatedBy = initiatedBy;
        this.sink = sink;
        this.progressEvery = progressEvery;
        this.clock = clock;
    }

    public String runKey() {
        return runKey;
    }

    /** analytics' job id for a dispatched job; null for a run the service started itself. */
    public Long jobId() {
        return jobId;
    }

    public String jobType() {
        return jobType;
    }

    public int attempt() {
        return attempt;
    }

    public Map<String, Object> parameters() {
        return parameters;
    }

    public Long initiatedBy() {
        return initiatedBy;
    }

    /** @throws JobCancelledException when the run was cancelled: the runner stops here */
    public void checkpoint() {
        if (cancelRequested) {
            throw new JobCancelledException(runKey);
        }
    }

    public boolean cancelRequested() {
        return cancelRequested;
    }

    /** Counts done so far and the total when known (the percent follows from them); reported when due. */
    public void progress(long processed, Long total) {
        checkpoint();
        synchronized (this) {
            this.processed = Math.max(0, processed);
            this.total = total == null ? null : Math.max(total, this.processed);
            if (total != null && total > 0) {
                this.percent = Math.min(100.0, Math.round(this.processed * 10_000.0 / this.total) / 100.0);
            }
            Instant now = clock.instant();
            if (Duration.between(lastProgressAt, now).compareTo(progressEvery) >= 0) {
                lastProgressAt = now;
                emit("running", null, null, null, null);
            }
        }
    }

    /** A percent for work that has no counts (0–100); reported when due. */
    public void percent(double percent) {
        checkpoint();
        synchronized (this) {
            this.percent = Math.max(0, Math.min(100, percent));
            Instant now = clock.instant();
            if (Duration.between(lastProgressAt, now).compareTo(progressEvery) >= 0) {
                lastProgressAt = now;
                emit("running", null, null, null, null);
            }
        }
    }

    /** A line of the job's log (with the current counts); always reported. */
    public void log(JobLevel level, String message) {
        checkpoint();
        synchronized (this) {
            emit("running", level, message, null, null);
        }
    }

    /** The run is alive (from the runner's heartbeat); a no-op once it ended. */
    public synchronized void heartbeat() {
        emit("running", null, null, null, null);
    }

    public synchronized void completed(Map<String, Object> result) {
        if (total != null) {
            processed = total;
        }
        percent = 100.0;
        end("completed", JobLevel.INFO, "completed", result, null);
    }

    public synchronized void failed(String error) {
        end("failed", JobLevel.ERROR, "failed: " + error, null, error);
    }

    public synchronized void cancelled() {
        end("cancelled", JobLevel.WARNING, "cancelled at the runner's request", null, null);
    }

    /** Asks the run to stop at its next step. */
    public void requestCancel() {
        cancelRequested = true;
    }

    public synchronized boolean finished() {
        return finalStatus != null;
    }

    private void end(String status, JobLevel level, String message, Map<String, Object> result, String error) {
        emit(status, level, message, result, error);
        finalStatus = status;
    }

    private void emit(String status, JobLevel level, String message, Map<String, Object> result, String error) {
        if (finalStatus != null) {
            return;
        }
        Instant now = clock.instant();
        long micros = now.getEpochSecond() * 1_000_000L + now.getNano() / 1_000;
        lastSequence = Math.max(lastSequence + 1, attempt * ATTEMPT_STRIDE + micros);
        sink.accept(new JobProgressReported(runKey, jobId, jobType, service, workerId, lastSequence, status, percent,
                processed, total, level == null ? null : level.wire(), message, result, error, now));
    }
}
