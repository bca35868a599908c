package io.rotation.catalog.jobs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rotation.contracts.EventType;
import io.rotation.contracts.Topics;
import io.rotation.contracts.jobs.JobProgressReported;
import io.rotation.contracts.jobs.JobRequested;
import io.rotation.platform.json.RotationObjectMapper;
import io.rotation.platform.testing.KafkaTail;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.TestEvents;
import io.rotation.platform.testing.TestTokens;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** catalog runs the jobs analytics sends it and reports imports, both dispatched and its own, as job progress. */
@QuarkusTest
@WithTestResource(RotationStack.class)
class JobRequestsTest {

    private static final ObjectMapper JSON = RotationObjectMapper.create();

    @Test
    void runsADispatchedImportAndReportsItsProgressToCompletion() throws Exception {
        long jobId = 9_000_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        String path = resource("discogs/dump/crafted-releases.xml").toString();
        try (KafkaTail progress = new KafkaTail(bootstrap(), Topics.JOB_PROGRESS); TestEvents events = new TestEvents()) {
            events.send(requestsTopic(), UUID.randomUUID(), EventType.JOB_REQUESTED, String.valueOf(jobId),
                    new JobRequested(jobId, "discogs_import", "catalog-service", Map.of("path", path), 2, 1L,
                            Instant.now()));

            List<JobProgressReported> reports = awaitEnd(progress, JobRequested.runKeyOf(jobId));
            JobProgressReported last = reports.get(reports.size() - 1);
            assertThat(last.status()).isEqualTo("completed");
            assertThat(last.jobId()).isEqualTo(jobId);
            assertThat(last.jobType()).isEqualTo("discogs_import");
            assertThat(last.service()).isEqualTo("catalog-service");
            assertThat(((Number) last.result().get("releases_read")).intValue()).isEqualTo(6);
            assertThat(((Number) last.result().get("tracks_written")).intValue()).isEqualTo(6);
            assertThat(reports).extracting(JobProgressReported::sequence).isSorted().doesNotHaveDuplicates();
            assertThat(reports.get(0).sequence()).isGreaterThan(2 * io.rotation.platform.jobs.JobContext.ATTEMPT_STRIDE);
            assertThat(reports).extracting(JobProgressReported::message).anyMatch(m -> m != null && m.startsWith("import "));
            long importId = ((Number) last.result().get("import_id")).longValue();
            given().auth().oauth2(TestTokens.admin(1)).get("/api/v1/imports/" + importId).then().statusCode(200)
                    .body("status", org.hamcrest.Matchers.equalTo("completed"));
        }
    }

    @Test
    void aDispatchedImportOfAMissingFileFailsWithItsReason() throws Exception {
        long jobId = 9_000_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        try (KafkaTail progress = new KafkaTail(bootstrap(), Topics.JOB_PROGRESS); TestEvents events = new TestEvents()) {
            events.send(requestsTopic(), UUID.randomUUID(), EventType.JOB_REQUESTED, String.valueOf(jobId),
                    new JobRequested(jobId, "discogs_import", "catalog-service", Map.of("path", "/nonexistent.xml"),
                            1, 1L, Instant.now()));
            List<JobProgressReported> reports = awaitEnd(progress, JobRequested.runKeyOf(jobId));
            JobProgressReported last = reports.get(reports.size() - 1);
            assertThat(last.status()).isEqualTo("failed");
            assertThat(last.errorMessage()).contains("must name a readable releases dump inside the server's import directory");
        }
    }

    @Test
    void anImportStartedHereIsReportedUnderItsRunKey() throws Exception {
        String path = resource("discogs/dump/crafted-releases.xml").toString();
        try (KafkaTail progress = new KafkaTail(bootstrap(), Topics.JOB_PROGRESS)) {
            long importId = given().auth().oauth2(TestTokens.admin(1)).contentType("application/json")
                    .body(Map.of("path", path)).post("/api/v1/imports").then().statusCode(202)
                    .extract().jsonPath().getLong("id");
            List<JobProgressReported> reports = awaitEnd(progress, "catalog-service/import/" + importId);
            JobProgressReported last = reports.get(reports.size() - 1);
            assertThat(last.status()).isEqualTo("completed");
            assertThat(last.jobId()).isNull();
            assertThat(last.jobType()).isEqualTo("discogs_import");
            assertThat(((Number) last.result().get("releases_inserted")).intValue()
                    + ((Number) last.result().get("releases_updated")).intValue()).isEqualTo(2);
        }
    }

    /** The run's reports, in the order they were published, once one of them ended it. */
    private static List<JobProgressReported> awaitEnd(KafkaTail tail, String runKey) {
        assertThat(tail.await(r -> runKey.equals(r.key()) && !"running".equals(decode(r).status()), 1,
                Duration.ofSeconds(60))).as("the end of " + runKey).hasSize(1);
        return tail.drain(Duration.ZERO).stream().filter(r -> runKey.equals(r.key()))
                .map(JobRequestsTest::decode).toList();
    }

    private static JobProgressReported decode(ConsumerRecord<String, byte[]> r) {
        try {
            return JSON.readValue(r.value(), JobProgressReported.class);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String requestsTopic() {
        return ConfigProvider.getConfig().getValue("mp.messaging.incoming.job-requests.topic", String.class);
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    private static Path resource(String name) throws Exception {
        return Path.of(JobRequestsTest.class.getClassLoader().getResource(name).toURI());
    }
}
