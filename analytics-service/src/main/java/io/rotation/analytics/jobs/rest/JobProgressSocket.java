package io.rotation.analytics.jobs.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.PathParam;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.rotation.analytics.jobs.model.JobLogView;
import io.rotation.analytics.jobs.model.JobView;
import io.rotation.analytics.jobs.repository.JobRepository;
import io.rotation.analytics.jobs.service.JobsSettings;
import io.rotation.platform.security.Roles;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.annotation.security.RolesAllowed;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * {@code /api/v1/jobs/{id}/progress}: a job's progress streamed to an admin (the upgrade needs an admin
 * token in {@code Authorization}). Messages are JSON: first {@code {"type":"snapshot","job":…,"logs":[…]}},
 * then {@code {"type":"progress",…}} with the job and its new log lines whenever either changed, and
 * finally {@code {"type":"end",…}} when the job completed, failed or was cancelled, after which the
 * server closes the connection. An unknown job gets {@code {"type":"error","status":404}} and the close.
 * It reads the database (every {@code rotation.analytics.jobs.stream-every}), so it works on whichever
 * replica the admin reaches, whichever consumed the runner's reports.
 */
@WebSocket(path = "/api/v1/jobs/{id}/progress")
@RolesAllowed(Roles.ADMIN)
public class JobProgressSocket {

    private static final int LOG_BATCH = 500;

    private final JobRepository jobs;
    private final ObjectMapper mapper;
    private final Vertx vertx;
    private final Duration every;

    public JobProgressSocket(JobRepository jobs, ObjectMapper mapper, Vertx vertx, JobsSettings settings) {
        this.jobs = jobs;
        this.mapper = mapper;
        this.vertx = vertx;
        this.every = settings.streamEvery();
    }

    @OnOpen
    public Multi<String> open(@PathParam("id") String id, WebSocketConnection connection) {
        long jobId;
        try {
            jobId = Long.parseLong(id);
        } catch (NumberFormatException e) {
            jobId = -1;
        }
        if (jobId <= 0) {
            return Multi.createFrom().item(json(Map.of("type", "error", "status", 400,
                    "detail", "id: must be a positive number"))).onCompletion().call(connection::close);
        }
        Stream stream = new Stream(jobId);
        return Multi.createFrom().<String>emitter(emitter -> {
            AtomicBoolean busy = new AtomicBoolean();
            long timer = vertx.setPeriodic(0, every.toMillis(), ignored -> {
                if (emitter.isCancelled() || !busy.compareAndSet(false, true)) {
                    return;
                }
                stream.poll().subscribe().with(message -> {
                    busy.set(false);
                    if (message != null) {
                        emitter.emit(message);
                    }
                    if (stream.over) {
                        emitter.complete();
                    }
                }, failure -> {
                    busy.set(false);
                    emitter.fail(failure);
                });
            });
            emitter.onTermination(() -> vertx.cancelTimer(timer));
        }).onTermination().call(() -> connection.isOpen() ? connection.close() : Uni.createFrom().voidItem());
    }

    /** What one connection has sent so far. */
    private final class Stream {
        private final long jobId;
        private java.time.Instant lastUpdate;
        private long lastLogId;
        private boolean opened;
        private volatile boolean over;

        Stream(long jobId) {
            this.jobId = jobId;
        }

        Uni<String> poll() {
            return jobs.find(jobId).chain(job -> {
                if (job == null) {
                    over = true;
                    return Uni.createFrom().item(json(Map.of("type", "error", "status", 404,
                            "detail", "job " + jobId + " not found")));
                }
                return jobs.logs(jobId, lastLogId, LOG_BATCH).map(lines -> message(job, lines));
            });
        }

        private String message(JobView job, List<JobLogView> lines) {
            boolean changed = !job.updatedAt().equals(lastUpdate) || !lines.isEmpty();
            if (opened && !changed) {
                return null;
            }
            lastUpdate = job.updatedAt();
            if (!lines.isEmpty()) {
                lastLogId = lines.get(lines.size() - 1).id();
            }
            // the end only once every log line was sent
            boolean end = job.ended() && lines.size() < LOG_BATCH;
            String type = !opened ? "snapshot" : end ? "end" : "progress";
            opened = true;
            if (end) {
                over = true;
                if ("snapshot".equals(type)) {
                    type = "end";
                }
            }
            Map<String, Object> message = new LinkedHashMap<>();
            message.put("type", type);
            message.put("job", job);
            message.put("logs", lines);
            return json(message);
        }
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a job message", e);
        }
    }
}
