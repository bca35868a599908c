package io.rotation.catalog.discogs.dump;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rotation.catalog.discogs.ReleaseWriter;
import io.smallrye.mutiny.Uni;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The import loop against a slow fake database (no Quarkus): the next batch is parsed while one is
 * written, never more than one ahead, and every release is written once, in the file's order.
 */
class DumpPipelineTest {

    private static final int BATCH = 100;
    private static final int SAMPLE_RELEASES = 1000;

    private final ExecutorService database = Executors.newSingleThreadExecutor();
    private final ImportProgress progress = new ImportProgress();
    private final List<Long> written = Collections.synchronizedList(new ArrayList<>());
    private final List<Long> readWhenCommitted = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final AtomicInteger batches = new AtomicInteger();

    @AfterEach
    void stop() {
        database.shutdownNow();
    }

    @Test
    void theNextBatchIsParsedWhileOneIsWrittenButNoFurther() throws Exception {
        List<Long> reportedWritten = new ArrayList<>();

        DumpImporter.run(DumpImportTest.SAMPLE, BATCH, slowWriter(release -> false), progress,
                p -> reportedWritten.add(p.releasesWritten()));

        assertThat(written).map(String::valueOf).containsExactlyElementsOf(DumpImportTest.sampleReleaseIds());
        assertThat(maxInFlight).hasValue(1);
        // while batch k was written the reader got through batch k+1 and waited there
        List<Long> expected = new ArrayList<>();
        for (int k = 0; k < SAMPLE_RELEASES / BATCH; k++) {
            expected.add((long) Math.min((k + 2) * BATCH, SAMPLE_RELEASES));
        }
        assertThat(readWhenCommitted).containsExactlyElementsOf(expected);
        assertThat(reportedWritten).containsExactly(100L, 200L, 300L, 400L, 500L, 600L, 700L, 800L, 900L, 1000L);
        assertThat(progress.releasesWritten()).isEqualTo(SAMPLE_RELEASES);
        assertThat(progress.tracksWritten()).isEqualTo(9430);
    }

    @Test
    void aRejectedBatchIsWrittenReleaseByReleaseInOrderBeforeTheNextOne() throws Exception {
        long bad = Long.parseLong(DumpImportTest.sampleReleaseIds().get(250));

        DumpImporter.run(DumpImportTest.SAMPLE, BATCH, slowWriter(release -> release == bad), progress, p -> {
        });

        List<String> expected = new ArrayList<>(DumpImportTest.sampleReleaseIds());
        expected.remove(250);
        assertThat(written).map(String::valueOf).containsExactlyElementsOf(expected);
        assertThat(maxInFlight).hasValue(1);
        assertThat(progress.releasesSkipped()).isEqualTo(1);
        assertThat(progress.skipReasons()).singleElement().asString().startsWith("release " + bad + ": rejected");
        assertThat(progress.releasesWritten()).isEqualTo(SAMPLE_RELEASES - 1);
    }

    @Test
    void aFailingProgressReportStopsTheImportBeforeTheNextBatchIsWritten() {
        AtomicReference<Long> reported = new AtomicReference<>();
        assertThatThrownBy(() -> DumpImporter.run(DumpImportTest.SAMPLE, BATCH, slowWriter(release -> false),
                progress, p -> {
                    reported.set(p.releasesWritten());
                    if (p.releasesWritten() == 300) {
                        throw new IllegalStateException("cancelled");
                    }
                })).hasMessage("cancelled");

        assertThat(reported).hasValue(300L);
        assertThat(batches).as("no batch started after the failing report").hasValue(3);
        assertThat(written).hasSize(300);
        assertThat(inFlight).hasValue(0);
    }

    /**
     * Each write waits until the reader has gone as far as it may (the next batch read, or the end of
     * the file), then a little longer to see that it goes no further, and records where it stood.
     */
    private DumpImporter.BatchWriter slowWriter(Predicate<Long> rejected) {
        return releases -> Uni.createFrom().completionStage(() -> CompletableFuture.supplyAsync(() -> {
            int now = inFlight.incrementAndGet();
            maxInFlight.accumulateAndGet(now, Math::max);
            try {
                if (releases.stream().anyMatch(r -> rejected.test(r.discogsReleaseId()))) {
                    throw new IllegalStateException("violates a constraint");
                }
                if (releases.size() > 1) {
                    int k = batches.getAndIncrement();
                    long limit = Math.min((long) (k + 2) * BATCH, SAMPLE_RELEASES);
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
                    while (progress.releasesRead() < limit && System.nanoTime() < deadline) {
                        sleep(5);
                    }
                    sleep(50);
                    readWhenCommitted.add(progress.releasesRead());
                }
                releases.forEach(r -> written.add(r.discogsReleaseId()));
                int tracks = releases.stream().mapToInt(r -> r.tracks().size()).sum();
                return new ReleaseWriter.BatchResult(releases.size(), 0, tracks, List.of());
            } finally {
                inFlight.decrementAndGet();
            }
        }, database));
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
