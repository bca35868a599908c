package io.rotation.catalog.imports.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rotation.catalog.discogs.dump.DumpImporter;
import io.rotation.catalog.discogs.dump.ImportProgress;
import io.rotation.catalog.imports.model.ImportRun;
import io.rotation.catalog.imports.model.ImportRunView;
import io.rotation.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

/**
 * Discogs dump imports as background jobs: a row of {@code import_runs} per import, run one at a
 * time on a dedicated worker thread (never the event loop), its counts stored after every batch.
 */
@ApplicationScoped
public class ImportJobs {

    private static final Logger LOG = Logger.getLogger(ImportJobs.class);
    private static final Duration DB_TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DumpImporter importer;
    private final Pool pool;
    private final Mutiny.SessionFactory sessions;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "catalog-dump-import");
        t.setDaemon(true);
        return t;
    });

    public ImportJobs(DumpImporter importer, Pool pool, Mutiny.SessionFactory sessions) {
        this.importer = importer;
        this.pool = pool;
        this.sessions = sessions;
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /**
     * Checks the file (blocking: call from a worker thread), records a pending run and queues it.
     *
     * @return the run as stored (status pending)
     */
    public ImportRunView start(String path, Long requestedBy) {
        if (path == null || path.isBlank()) {
            throw ProblemException.invalidField("path", "must be the server-side path of a releases dump");
        }
        Path file = Path.of(path).toAbsolutePath().normalize();
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw ProblemException.invalidField("path", "no readable file at " + file);
        }
        try {
            DumpImporter.check(file);
        } catch (IOException e) {
            throw ProblemException.invalidField("path", e.getMessage());
        }
        long id = pool.preparedQuery("""
                        insert into import_runs (source_path, requested_by) values ($1, $2) returning id""")
                .execute(Tuple.of(file.toString(), requestedBy)).await().atMost(DB_TIMEOUT)
                .iterator().next().getLong("id");
        worker.submit(() -> run(id, file));
        return new ImportRunView(id, "pending", file.toString(), 0, 0, 0, 0, 0, 0, List.of(), null, null, null,
                null);
    }

    private void run(long id, Path file) {
        ImportProgress progress = new ImportProgress();
        try {
            update("""
                    update import_runs set status = 'running', started_at = now() where id = $1""", Tuple.of(id));
            importer.importFile(file, progress, p -> store(id, p, null, null));
            store(id, progress, "completed", null);
        } catch (Exception | StackOverflowError e) {
            LOG.errorf(e, "import %d of %s failed", id, file);
            try {
                store(id, progress, "failed", String.valueOf(e.getMessage() == null ? e : e.getMessage()));
            } catch (RuntimeException storeFailure) {
                LOG.errorf(storeFailure, "could not mark import %d failed", id);
            }
        }
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
                       status = coalesce($8, status), error = $9,
                       finished_at = case when $8 is null then finished_at else now() end
                where id = $1""", Tuple.from(params));
    }

    private void update(String sql, Tuple params) {
        pool.preparedQuery(sql).execute(params).await().atMost(DB_TIMEOUT);
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
            return new ImportRunView(run.id, run.status, run.sourcePath, run.releasesRead,
                    run.releasesInserted + run.releasesUpdated, run.releasesInserted, run.releasesUpdated,
                    run.releasesSkipped, run.tracksWritten, reasons, run.error, run.createdAt, run.startedAt,
                    run.finishedAt);
        });
    }
}
