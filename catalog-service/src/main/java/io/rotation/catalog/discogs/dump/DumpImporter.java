package io.rotation.catalog.discogs.dump;

import io.rotation.catalog.discogs.ReleaseWriter;
import io.rotation.catalog.record.cache.RecordCache;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.xml.stream.XMLStreamException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Imports a Discogs releases dump: streams it ({@link ReleaseDumpReader}), collects releases into
 * batches and writes each batch in one transaction ({@link ReleaseWriter}, source discogs_dump).
 * Blocking: call it from a worker thread, never from the event loop. A malformed release is skipped
 * with its reason; a batch the database rejects is retried release by release so that only the bad
 * one is skipped.
 */
@ApplicationScoped
public class DumpImporter {

    private static final Logger LOG = Logger.getLogger(DumpImporter.class);
    private static final Duration BATCH_TIMEOUT = Duration.ofMinutes(5);

    private final ReleaseWriter writer;
    private final RecordCache cache;
    private final int batchSize;

    public DumpImporter(ReleaseWriter writer, RecordCache cache,
                        @ConfigProperty(name = "rotation.catalog.import.batch-size", defaultValue = "200") int batchSize) {
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
     * @param afterBatch called with the progress after every batch (e.g. to store it)
     * @throws IOException if the file cannot be read or is not a releases dump
     * @throws XMLStreamException if the XML is not well-formed (the counts up to there stay written)
     */
    public ImportProgress importFile(Path file, ImportProgress progress, Consumer<ImportProgress> afterBatch)
            throws IOException, XMLStreamException {
        // cached record pages are evicted once the batch has committed (never before: a read in between
        // would cache the old row again)
        return run(file, batchSize, releases -> writer.write(releases, ReleaseWriter.Source.DISCOGS_DUMP)
                .call(result -> cache.evict(result.recordIds()))
                .await().atMost(BATCH_TIMEOUT), progress, afterBatch);
    }

    /** Writes one batch in one transaction (the service's {@link ReleaseWriter}, or plain JDBC for ops). */
    @FunctionalInterface
    public interface BatchWriter {
        ReleaseWriter.BatchResult write(List<DumpRelease> releases);
    }

    /** The import loop, usable outside CDI (see {@link ImportCommand}). */
    public static ImportProgress run(Path file, int batchSize, BatchWriter writer, ImportProgress progress,
                                     Consumer<ImportProgress> afterBatch) throws IOException, XMLStreamException {
        long start = System.nanoTime();
        LOG.infof("importing Discogs releases from %s", file);
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
                    flush(writer, batch, progress, afterBatch); // the same release twice: the later one wins
                }
                batch.put(release.discogsReleaseId(), release);
                if (batch.size() >= batchSize) {
                    flush(writer, batch, progress, afterBatch);
                }
            }
            flush(writer, batch, progress, afterBatch);
        } catch (XMLStreamException e) {
            flush(writer, batch, progress, afterBatch);
            throw e;
        }
        LOG.infof("imported %s in %d ms: %s", file, (System.nanoTime() - start) / 1_000_000, progress);
        return progress;
    }

    public ImportProgress importFile(Path file) throws IOException, XMLStreamException {
        return importFile(file, new ImportProgress(), p -> {
        });
    }

    private static void flush(BatchWriter writer, Map<Long, DumpRelease> batch, ImportProgress progress,
                              Consumer<ImportProgress> afterBatch) {
        if (batch.isEmpty()) {
            return;
        }
        List<DumpRelease> releases = new ArrayList<>(batch.values());
        batch.clear();
        try {
            progress.written(writer.write(releases));
        } catch (RuntimeException batchFailure) {
            LOG.warnf("batch of %d releases rejected (%s); writing them one by one", releases.size(),
                    batchFailure.getMessage());
            for (DumpRelease release : releases) {
                try {
                    progress.written(writer.write(List.of(release)));
                } catch (RuntimeException e) {
                    String reason = "rejected by the database: " + e.getMessage();
                    LOG.warnf("skipped release %d: %s", release.discogsReleaseId(), reason);
                    progress.skipped(String.valueOf(release.discogsReleaseId()), reason);
                }
            }
        }
        afterBatch.accept(progress);
    }
}
