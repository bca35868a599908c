package io.rotation.catalog.imports.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.rotation.catalog.discogs.dump.DumpImporter;
import io.rotation.catalog.discogs.dump.ImportProgress;
import io.rotation.catalog.imports.model.ImportRun;
import io.rotation.catalog.imports.model.ImportRunView;
import io.rotation.platform.audit.AuditActor;
import io.rotation.platform.audit.AuditEntries;
import io.rotation.platform.jobs.JobContext;
import io.rotation.platform.jobs.JobRunner;
import io.rotation.platform.outbox.Outbox;
import io.rotation.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

/**
 * Discogs dump imports as background jobs: a row of {@code import_runs} per import, run one at a
 * time on a dedicated worker thread (never the event loop), its counts stored after every batch.
 * <p>
 * Runs do not survive the instance that queued them (the queue is in memory, an upload on its
 * disk). So that such runs do not stay "running" for ever, every instance touches the heartbeat of
 * its unfinished runs regularly, and any instance marks failed the unfinished runs whose heartbeat is
 * older than {@code rotation.catalog.import.stale-after} ("interrupted"), at start-up and then
 * on every heartbeat. The admin starts them again (an import is an idempotent upsert).
 * <p>
 * Every run reports to analytics' jobs as well ({@link JobRunner}): an import started here under the run
 * key {@code catalog-service/import/<id>}, one an admin asked analytics for ({@code discogs_import}, a
 * server-side {@code path}) as that job, run by {@link #runRequested} on the job runner's thread.
 */
@ApplicationScoped
public class ImportJobs {

    /** Audit: an admin (or a job they started) started an import; entity {@code import_run}. */
    public static final String ENTITY = "import_run";
    public static final String ACTION_STARTED = "import_started";

    private static final Logger LOG = Logger.getLogger(ImportJobs.class);
    private static final Duration DB_TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String INTERRUPTED = "interrupted: the service instance running the import stopped "
            + "(restart or shutdown) before it finished; start it again";

    private final DumpImporter importer;
    private final Pool pool;
    private final Mutiny.SessionFactory sessions;
    private final ImportDirectory directory;
    private final Duration staleAfter;
    private final JobRunner jobs;
    private final Outbox outbox;
    /** This instance, as recorded in import_runs.runner. */
    private final String runner = UUID.randomUUID().toString();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "catalog-dump-import");
        t.setDaemon(true);
        return t;
    });

    public ImportJobs(DumpImporter importer, Pool pool, Mutiny.SessionFactory sessions, ImportDirectory directory,
                      @ConfigProperty(name = "rotation.catalog.import.stale-after", defaultValue = "3m")
                      Duration staleAfter, JobRunner jobs, Outbox outbox) {
        this.importer = importer;
        this.outbox = outbox;
        this.jobs = jobs;
        this.pool = pool;
        this.sessions = sessions;
        this.directory = directory;
        this.staleAfter = staleAfter;
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    void onStart(@Observes StartupEvent event) {
        try {
            sweep();
        } catch (RuntimeException e) {
            LOG.warnf("could not look for interrupted imports at start-up: %s", e.toString());
        }
    }

    /** The heartbeat of this instance's unfinished runs, then the sweep of everyone's stale ones. */
    @Scheduled(every = "${rotation.catalog.import.heartbeat-every:30s}", delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void heartbeat() {
        update("""
                update import_runs set heartbeat_at = now()
                where runner = $1 and status in ('pending', 'running')""", Tuple.of(runner));
        sweep();
    }

    /**
     * Marks failed the unfinished runs whose runner has not shown a sign of life for the stale time
     * (rows from before heartbeats by their last update), and deletes their uploads if on this disk.
     *
     * @return how many runs were marked
     */
    public int sweep() {
        var rows = pool.preparedQuery("""
                        update import_runs set status = 'failed', error = $1, finished_at = now()
                        where status in ('pending', 'running') and runner is distinct from $2
                          and coalesce(heartbeat_at, updated_at) < now() - make_interval(secs => $3)
                        returning id, source, source_path""")
                .execute(Tuple.of(INTERRUPTED, runner, (double) staleAfter.toSeconds()))
                .await().atMost(DB_TIMEOUT);
        for (Row row : rows) {
            LOG.warnf("import %d marked failed: %s", row.getLong("id"), INTERRUPTED);
            if ("upload".equals(row.getString("source"))) {
                deleteQuietly(Path.of(row.getString("source_path")));
            }
        }
        return rows.rowCount();
    }

    /**
     * Checks the file in the import directory (blocking: call from a worker thread), records a pending run and
     * queues it.
     *
     * @return the run as stored (status pending)
     */
    public ImportRunView start(String path, AuditActor actor) {
        return queue(readable(path), "path", null, actor);
    }

    /** The checked releases dump at a path inside the import directory; 400 naming {@code path} otherwise. */
    private Path readable(String path) {
        Path file = directory.resolve(path);
        check(file, "path");
        return file;
    }

    /**
     * Runs a {@code discogs_import} job analytics dispatched (parameter {@code path}), on the calling
     * thread, as an import run of its own; its result is the import's counts.
     */
    public Map<String, Object> runRequested(JobContext job) throws Exception {
        Object path = job.parameters().get("path");
        Path file = readable(path == null ? null : path.toString());
        long id = insert(file, "path", null, AuditActor.userOrSystem(job.initiatedBy()), job.jobId());
        job.log(io.rotation.platform.jobs.JobLevel.INFO, "import " + id + " of " + file);
        return result(id, execute(id, file, job));
    }

    /**
     * Queues an uploaded dump already written to {@code file} (blocking). The file becomes the run's: it
     * is deleted when the run ends, or now if it is not a releases dump (400 naming {@code field}).
     */
    public ImportRunView startUpload(Path file, String uploadName, String field, AuditActor actor) {
        try {
            check(file, field);
            return queue(file, "upload", uploadName, actor);
        } catch (RuntimeException e) {
            deleteQuietly(file);
            throw e;
        }
    }

    private static void check(Path file, String field) {
        try {
            DumpImporter.check(file);
        } catch (IOException e) {
            throw ProblemException.invalidField(field, e.getMessage());
        }
    }

    private ImportRunView queue(Path file, String source, String uploadName, AuditActor actor) {
        Long requestedBy = actor.userId();
        long id = insert(file, source, uploadName, actor, null);
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("import_id", id);
        parameters.put("source", source);
        JobContext job = jobs.open("catalog-service/import/" + id, "discogs_import", parameters, requestedBy);
        worker.submit(() -> run(id, file, "upload".equals(source), job));
        return new ImportRunView(id, "pending", source, file.toString(), uploadName, 0, 0, 0, 0, 0, 0, List.of(),
                null, null, null, null);
    }

    /** The run's row and its audit entry ({@code import_started}), in one transaction. */
    private long insert(Path file, String source, String uploadName, AuditActor actor, Long jobId) {
        return pool.withTransaction(c -> c.preparedQuery("""
                                insert into import_runs (source_path, requested_by, source, upload_name, runner,
                                                         heartbeat_at)
                                values ($1, $2, $3, $4, $5, now()) returning id""")
                        .execute(Tuple.of(file.toString(), actor.userId(), source, uploadName, runner))
                        .map(rows -> rows.iterator().next().getLong("id"))
                        .call(id -> outbox.append(c, AuditEntries.entry(actor, ACTION_STARTED, ENTITY, id, null,
                                AuditEntries.values("source", source, "path", "upload".equals(source) ? null
                                        : file.toString(), "upload_name", uploadName, "job_id", jobId)))))
                .await().atMost(DB_TIMEOUT);
    }

    private void run(long id, Path file, boolean upload, JobContext job) {
        try {
            job.completed(result(id, execute(id, file, job)));
        } catch (Exception | StackOverflowError e) {
            job.failed(String.valueOf(e.getMessage() == null ? e : e.getMessage()));
        } finally {
            if (upload) {
                deleteQuietly(file);
            }
        }
    }

    /** Imports the file as run {@code id}, reporting after every batch; a failure is stored, then thrown. */
    private ImportProgress execute(long id, Path file, JobContext job) throws Exception {
        ImportProgress progress = new ImportProgress();
        try {
            update("""
                    update import_runs set status = 'running', started_at = now(), heartbeat_at = now()
                    where id = $1""", Tuple.of(id));
            importer.importFile(file, progress, p -> {
                store(id, p, null, null);
                job.progress(p.releasesRead(), null);
            });
            store(id, progress, "completed", null);
            return progress;
        } catch (Exception | StackOverflowError e) {
            LOG.errorf(e, "import %d of %s failed", id, file);
            try {
                store(id, progress, "failed", String.valueOf(e.getMessage() == null ? e : e.getMessage()));
            } catch (RuntimeException storeFailure) {
                LOG.errorf(storeFailure, "could not mark import %d failed", id);
            }
            throw e;
        }
    }

    private static Map<String, Object> result(long importId, ImportProgress p) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("import_id", importId);
        result.put("releases_read", p.releasesRead());
        result.put("releases_inserted", p.releasesInserted());
        result.put("releases_updated", p.releasesUpdated());
        result.put("releases_skipped", p.releasesSkipped());
        result.put("tracks_written", p.tracksWritten());
        return result;
    }

    private void store(long id, ImportProgress p, String finalStatus, String error) {
        String reasons;
        try {
            reasons = JSON.writeValueAsString(p.skipReasons());
        } catch (IOException e) {
            reasons = "[]";
        }
        List<Object> params = new ArrayList<>(List.of(id, p.releasesRead(), p.releasesInserted(),
                p.releasesUpdated(), p.releasesSkipped(), p.tracksWritten(), reasons));
        params.add(finalStatus);
        params.add(error);
        update("""
                update import_runs set releases_read = $2, releases_inserted = $3, releases_updated = $4,
                       releases_skipped = $5, tracks_written = $6, skip_reasons = cast($7::text as jsonb),
                       status = coalesce($8, status), error = $9, heartbeat_at = now(),
                       finished_at = case when $8 is null then finished_at else now() end
                where id = $1""", Tuple.from(params));
    }

    private void update(String sql, Tuple params) {
        pool.preparedQuery(sql).execute(params).await().atMost(DB_TIMEOUT);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warnf("could not delete the uploaded dump %s: %s", file, e.toString());
        }
    }

    /** The run, or a 404 problem. */
    public Uni<ImportRunView> find(long id) {
        return sessions.withSession(s -> s.find(ImportRun.class, id)).map(run -> {
            if (run == null) {
                throw ProblemException.notFound("import " + id);
            }
            List<String> reasons = new ArrayList<>();
            if (run.skipReasons != null) {
                run.skipReasons.forEach(r -> reasons.add(r.asText()));
            }
            return new ImportRunView(run.id, run.status, run.source, run.sourcePath, run.uploadName,
                    run.releasesRead, run.releasesInserted + run.releasesUpdated, run.releasesInserted,
                    run.releasesUpdated, run.releasesSkipped, run.tracksWritten, reasons, run.error, run.createdAt,
                    run.startedAt, run.finishedAt);
        });
    }
}
