package io.rotation.catalog.imports;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.rotation.catalog.imports.service.ImportJobs;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.TestDatabase;
import io.rotation.platform.testing.TestTokens;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Runs left pending or running by a stopped instance (no heartbeat for the stale time, 3 minutes by
 * default) are marked failed "interrupted" at start-up and by every instance's heartbeat; runs whose
 * runner is alive are left alone.
 */
@QuarkusTest
@WithTestResource(RotationStack.class)
class InterruptedImportTest {

    @Inject
    ImportJobs jobs;

    private final String admin = TestTokens.admin(TestTokens.newUserId());

    @Test
    void runsOfAStoppedInstanceAreMarkedInterruptedAndTheirUploadsDeleted() throws Exception {
        Path upload = Files.createTempFile("rotation-interrupted-", ".xml");
        long running = insertRun("running", "path", "/data/discogs_20200806_releases.xml.gz", "1 hour");
        long pending = insertRun("pending", "upload", upload.toString(), "10 minutes");
        long alive = insertRun("running", "path", "/data/other.xml.gz", "5 seconds");

        assertThat(jobs.sweep()).isGreaterThanOrEqualTo(2);

        JsonPath first = run(running);
        assertThat(first.getString("status")).isEqualTo("failed");
        assertThat(first.getString("error")).startsWith("interrupted");
        assertThat(first.getString("finished_at")).isNotNull();
        assertThat(run(pending).getString("status")).isEqualTo("failed");
        assertThat(Files.exists(upload)).isFalse();
        assertThat(run(alive).getString("status")).isEqualTo("running");
        TestDatabase.update("update import_runs set status = 'failed', finished_at = now() where id = ?", alive);
    }

    @Test
    void anInstanceKeepsItsOwnRunsAlive() throws Exception {
        Path dump = Path.of(InterruptedImportTest.class.getClassLoader()
                .getResource("discogs/dump/crafted-releases.xml").toURI());
        long id = jobs.start(dump.toString(), io.rotation.platform.audit.AuditActor.system()).id();
        // even with an old heartbeat, a run of this instance is never swept by it
        TestDatabase.update("update import_runs set heartbeat_at = now() - interval '1 hour' where id = ?", id);
        jobs.sweep();
        assertThat(run(id).getString("status")).isNotEqualTo("failed");
    }

    private static long insertRun(String status, String source, String path, String silentFor) {
        return TestDatabase.count("""
                insert into import_runs (source_path, status, source, runner, heartbeat_at, started_at)
                values (?, ?, ?, 'a-stopped-instance', now() - cast(? as interval), now() - interval '2 hours')
                returning id""", path, status, source, silentFor);
    }

    private JsonPath run(long id) {
        return given().auth().oauth2(admin).get("/api/v1/imports/" + id).then().statusCode(200).extract().jsonPath();
    }
}
