package io.rotation.catalog.discogs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rotation.catalog.discogs.ReleaseWriter.Source;
import io.rotation.catalog.discogs.api.ApiRelease;
import io.rotation.catalog.discogs.dump.DumpRelease;
import io.rotation.catalog.record.TestDumps;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.TestDatabase;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One writer for dump batches and API releases: the source is recorded, the rest written the same way. */
@QuarkusTest
@WithTestResource(RotationStack.class)
class ReleaseWriterTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @Inject
    ReleaseWriter writer;

    @Test
    void anApiReleaseReplacesADumpedOneButKeepsItsMainReleaseFlag() throws Exception {
        long releaseId = TestDumps.freshReleaseId();
        long recordId = writer.write(List.of(dumped(releaseId, true)), Source.DISCOGS_DUMP).await().atMost(TIMEOUT)
                .recordIds().get(0);

        ApiRelease fetched = ApiRelease.of(new ObjectMapper().readTree("""
                {"id": %d, "title": "Fetched", "master_id": 4242, "year": 1999, "genres": ["Jazz"],
                 "artists": [{"name": "Api Artist (2)", "join": ""}],
                 "tracklist": [{"position": "A", "title": "Only", "duration": "3:01"}]}""".formatted(releaseId)));
        assertThat(writer.write(fetched, Source.DISCOGS_API).await().atMost(TIMEOUT)).isEqualTo(recordId);

        assertThat(record(recordId)).containsEntry("title", "Fetched").containsEntry("artist", "Api Artist")
                .containsEntry("source", "discogs_api").containsEntry("is_main_release", true)
                .containsEntry("tracklist_count", 1);
        assertThat(TestDatabase.rows("select title, duration_seconds from tracks where record_id = ?", recordId))
                .extracting(t -> t.get("title") + " " + t.get("duration_seconds")).containsExactly("Only 181");

        writer.write(List.of(dumped(releaseId, false)), Source.DISCOGS_DUMP).await().atMost(TIMEOUT);
        assertThat(record(recordId)).containsEntry("source", "discogs_dump").containsEntry("is_main_release", false)
                .containsEntry("tracklist_count", 2);
    }

    private static DumpRelease dumped(long releaseId, boolean mainRelease) {
        return new DumpRelease(releaseId, 4242L, mainRelease, "Dump Artist", "Dump Artist", "[]", "Dumped", "[]",
                "[]", List.of("Electronic"), List.of(), 1998, "1998", null, null, null, "Accepted", "[]", null, "[]",
                "[]", "[]", "[]", "[]", List.of(
                new DumpRelease.DumpTrack(0, null, "A", "One", 180, "[]", "[]", false, "Dump Artist"),
                new DumpRelease.DumpTrack(1, null, "B", "Two", 200, "[]", "[]", false, "Dump Artist")));
    }

    private static Map<String, Object> record(long recordId) {
        return TestDatabase.rows("""
                select title, artist, source, is_main_release, tracklist_count from records where id = ?""",
                recordId).get(0);
    }
}
