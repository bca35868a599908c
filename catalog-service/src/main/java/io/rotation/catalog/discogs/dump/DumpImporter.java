package io.rotation.catalog.discogs.dump;

import io.rotation.catalog.discogs.ReleaseWriter;
import io.rotation.catalog.record.cache.RecordCache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import javax.xml.stream.XMLStreamException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Imports a Discogs releases dump: streams it ({@link ReleaseDumpReader}), collects releases into
 * batches and writes each batch in one transaction ({@link ReleaseWriter}, source discogs_dump).
 * Blocking: call it from a worker thread, never from the event loop. The next batch is parsed on
 * that thread while the database writes the last one (at most one batch ahead, and one write at a
 * time, in the file's order). A malformed release is skipped with its reason; a batch the database
 * rejects is retried release by release so that only the bad one is skipped.
 */
@ApplicationScoped
public class DumpImporter {

    private static final Logger LOG = Logger.getLogger(DumpImporter.class);
    private static final Duration BATCH_TIMEOUT = Duration.ofMinutes(5);
    /** Batches of 1,000: a 5,000-release dump in 4.9 s against 7.5–8 s in batches of 200 (docs/performance.md). */
    public static final String DEFAULT_BATCH_SIZE = "1000";

    private final ReleaseWriter writer;
    private final RecordCache cache;
    private final int batchSize;

    public DumpImporter(ReleaseWriter writer, RecordCache cache,
                        @ConfigProperty(name = "rotation.catalog.import.batch-size", defaultValue = DEFAULT_BATCH_SIZE)
                        int batchSize) {
        this.writer = writer;
        this.cache = cache;
        this.batchSize = batchSize;
    }

    /** Checks that the file can be opened and is a releases dump (root element {@code <releases>}). */
    public static void check(Path file) throws IOException {
        try (ReleaseDumpReader ignored = new ReleaseDumpReader(file)) {
            // opened and the root element read
        }
    }

    /**
     * @param afterBatch called with the progress after every batch has committed (e.g. to store it); what it
     *                   throws (a cancelled job) ends the import before the next batch is written
     * @throws IOException if the file cannot be read or is not a releases dump
     * @throws XMLStreamException if the XML is not well-formed (the counts up to there stay written)
     */
    public ImportProgress importFile(Path file, ImportProgress progress, Consumer<ImportProgress> afterBatch)
            throws IOException, XMLStreamException {
        // cached record pages are evicted once the batch has committed (never before: a read in between
        // would cache the old row again)
        return run(file, batchSize, releases -> writer.write(releases, ReleaseWriter.Source.DISCOGS_DUMP)
                .call(result -> cache.evict(result.recordIds()))
                .ifNoItem().after(BATCH_TIMEOUT).fail(), progress, afterBatch);
    }

    /** Writes one batch in one transaction (the service's {@link ReleaseWriter}, or plain JDBC for ops). */
    @FunctionalInterface
    public interface BatchWriter {
        /** The write, started on subscription; the import subscribes to one at a time. */
        Uni<ReleaseWriter.BatchResult> write(List<DumpRelease> releases);
    }

    /** The import loop, usable outside CDI (see {@link ImportCommand}). */
    public static ImportProgress run(Path file, int batchSize, BatchWriter writer, ImportProgress progress,
                                     Consumer<ImportProgress> afterBatch) throws IOException, XMLStreamException {
        long start = System.nanoTime();
        LOG.infof("importing Discogs releases from %s", file);
        Pipeline pipeline = new Pipeline(writer, progress, afterBatch);
        Map<Long, DumpRelease> batch = new LinkedHashMap<>();
        try (ReleaseDumpReader reader = new ReleaseDumpReader(file)) {
            ReleaseDumpReader.Item item;
            while ((item = reader.next()) != null) {
                progress.read();
                if (item instanceof ReleaseDumpReader.Skipped skipped) {
                    LOG.warnf("skipped release %s: %s", skipped.releaseId(), skipped.reason());
                    progress.skipped(skipped.releaseId(), skipped.reason());
                    continue;
                }
                DumpRelease release = ((ReleaseDumpReader.Parsed) item).release();
                if (batch.containsKey(release.discogsReleaseId())) {
                    pipeline.submit(take(batch)); // the same release twice: the later one wins
                }
                batch.put(release.discogsReleaseId(), release);
                if (batch.size() >= batchSize) {
                    pipeline.submit(take(batch));
                }
            }
            pipeline.submit(take(batch));
            pipeline.drain();
        } catch (XMLStreamException e) {
            pipeline.submit(take(batch));
            pipeline.drain();
            throw e;
        } catch (IOException | RuntimeException | Error e) {
            pipeline.drainQuietly(e);
            throw e;
        }
        LOG.infof("imported %s in %d ms: %s", file, (System.nanoTime() - start) / 1_000_000, progress);
        return progress;
    }

    public ImportProgress importFile(Path file) throws IOException, XMLStreamException {
        return importFile(file, new ImportProgress(), p -> {
        });
    }

    private static List<DumpRelease> take(Map<Long, DumpRelease> batch) {
        List<DumpRelease> releases = new ArrayList<>(batch.values());
        batch.clear();
        return releases;
    }

    /**
     * The batch being written while the next one is parsed. A batch is submitted only once the one
     * before has committed and been reported, so writes keep the file's order and never overlap, and
     * at most two batches are held: the one in flight and the one being parsed.
     */
    private static final class Pipeline {

        private final BatchWriter writer;
        private final ImportProgress progress;
        private final Consumer<ImportProgress> afterBatch;
        private List<DumpRelease> inFlight;
        private CompletableFuture<ReleaseWriter.BatchResult> pending;

        Pipeline(BatchWriter writer, ImportProgress progress, Consumer<ImportProgress> afterBatch) {
            this.writer = writer;
            this.progress = progress;
            this.afterBatch = afterBatch;
        }

        /** Waits for the batch in flight, then starts writing this one and returns at once. */
        void submit(List<DumpRelease> releases) {
            if (releases.isEmpty()) {
                return;
            }
            drain();
            inFlight = releases;
            pending = start(releases);
        }

        /** Waits for the batch in flight (if any), counts it and reports the progress. */
        void drain() {
            if (pending == null) {
                return;
            }
            List<DumpRelease> releases = inFlight;
            CompletableFuture<ReleaseWriter.BatchResult> write = pending;
            inFlight = null;
            pending = null;
            try {
                progress.written(await(write));
            } catch (Interrupted e) {
                throw e;
            } catch (RuntimeException batchFailure) {
                LOG.warnf("batch of %d releases rejected (%s); writing them one by one", releases.size(),
                        batchFailure.getMessage());
                for (DumpRelease release : releases) {
                    try {
                        progress.written(await(start(List.of(release))));
                    } catch (Interrupted e) {
                        throw e;
                    } catch (RuntimeException e) {
                        String reason = "rejected by the database: " + e.getMessage();
                        LOG.warnf("skipped release %d: %s", release.discogsReleaseId(), reason);
                        progress.skipped(String.valueOf(release.discogsReleaseId()), reason);
                    }
                }
            }
            afterBatch.accept(progress);
        }

        /** On the way out of a failed import: the batch in flight still ends (commits or not) first. */
        void drainQuietly(Throwable failure) {
            try {
                drain();
            } catch (RuntimeException | Error e) {
                failure.addSuppressed(e);
            }
        }

        private CompletableFuture<ReleaseWriter.BatchResult> start(List<DumpRelease> releases) {
            // deferred: a writer that throws instead of failing its Uni counts as a rejected batch
            return Uni.createFrom().deferred(() -> writer.write(releases)).subscribeAsCompletionStage();
        }

        private static ReleaseWriter.BatchResult await(CompletableFuture<ReleaseWriter.BatchResult> write) {
            try {
                return write.get();
            } catch (InterruptedException e) {
                write.cancel(true);
                Thread.currentThread().interrupt();
                throw new Interrupted();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }

    /** The importing thread was interrupted (the service stopping): the import ends, nothing is retried. */
    static final class Interrupted extends RuntimeException {
        Interrupted() {
            super("the import was interrupted");
        }
    }
}
