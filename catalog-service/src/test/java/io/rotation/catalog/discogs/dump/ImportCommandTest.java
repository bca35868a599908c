package io.rotation.catalog.discogs.dump;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.TestDatabase;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** The ops command imports over plain JDBC with the same results as the service's import. */
@QuarkusTest
@WithTestResource(RotationStack.class)
class ImportCommandTest {

    @Test
    void importsANewReleaseThenUpdatesItAndSkipsBrokenOnes() throws Exception {
        long releaseId = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
        Path file = Files.createTempFile("discogs_cli_", "_releases.xml");
        Files.writeString(file, """
                <releases>
                <release id="%d" status="Accepted"><artists><artist><id>1</id><name>Cli Artist</name><anv/><join/>\
                <role/><tracks/></artist></artists><title>Cli Title</title><released>1987</released><tracklist>\
                <track><position/><title>Side A</title><duration/></track>\
                <track><position/><title>Medley</title><duration/><sub_tracks><track><position>A1.a</position>\
                <title>One</title><duration>3:00</duration></track></sub_tracks></track></tracklist></release>
                <release id="%d" status="Accepted"><artists><artist><id>1</id><name>Cli Artist</name><anv/>\
                <join/><role/><tracks/></artist></artists></release>
                </releases>""".formatted(releaseId, releaseId + 1));
        Config config = ConfigProvider.getConfig();
        String url = config.getValue("quarkus.datasource.jdbc.url", String.class);
        String user = config.getValue("quarkus.datasource.username", String.class);
        String password = config.getValue("quarkus.datasource.password", String.class);

        ImportProgress first = ImportCommand.run(file, url, user, password, 200);
        assertThat(first.releasesInserted()).isEqualTo(1);
        assertThat(first.releasesSkipped()).isEqualTo(1);
        assertThat(first.skipReasons()).containsExactly(
                "release " + (releaseId + 1) + ": release " + (releaseId + 1) + " has no title");
        assertThat(first.tracksWritten()).isEqualTo(3);

        ImportProgress second = ImportCommand.run(file, url, user, password, 200);
        assertThat(second.releasesInserted()).isZero();
        assertThat(second.releasesUpdated()).isEqualTo(1);

        assertThat(TestDatabase.rows("""
                select artist, title, release_year, source, tracklist_count from records where discogs_release_id = ?""",
                releaseId).get(0)).containsEntry("artist", "Cli Artist").containsEntry("title", "Cli Title")
                .containsEntry("source", "discogs_dump").containsEntry("tracklist_count", 3);
        assertThat(TestDatabase.rows("""
                select t.title, t.is_heading, p.title as parent, t.duration_seconds
                from tracks t join records r on r.id = t.record_id left join tracks p on p.id = t.parent_track_id
                where r.discogs_release_id = ? order by t.track_index""", releaseId))
                .extracting(t -> t.get("title") + "|" + t.get("is_heading") + "|" + t.get("parent") + "|"
                        + t.get("duration_seconds"))
                .containsExactly("Side A|true|null|null", "Medley|true|null|null", "One|false|Medley|180");
        Files.deleteIfExists(file);
    }
}
