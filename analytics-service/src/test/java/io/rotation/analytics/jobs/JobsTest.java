package io.rotation.analytics.jobs;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.rotation.platform.jobs.JobContext;
import io.rotation.platform.jobs.JobLevel;
import io.rotation.platform.jobs.JobRunner;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.TestDatabase;
import io.rotation.platform.testing.TestTokens;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** The job loop through the real topics: API → dispatcher → JobRunner → progress reports → jobs, job_logs. */
@QuarkusTest
@WithTestResource(RotationStack.class)
class JobsTest {

    private static final long ADMIN = 1;

    @Inject
    JobRunner runner;

    @Test
    void aMetricsAggregationJobRunsOnItsOwnerAndEndsCompletedWithItsLogs() {
        LocalDate from = LocalDate.now().minusDays(40);
        long id = create(Map.of("type", "metrics_aggregation",
                "params", Map.of("from", from.toString(), "to", from.plusDays(2).toString())));

        JsonPath job = awaitStatus(id, "completed");
        assertThat(job.getString("owner_service")).isEqualTo(runnerName());
        assertThat(job.getInt("attempts")).isEqualTo(1);
        assertThat(job.getDouble("progress_percent")).isEqualTo(100.0);
        assertThat(job.getInt("result.days")).isEqualTo(3);
        assertThat(job.getString("worker_id")).startsWith(runnerName() + "@");
        assertThat(job.getString("started_at")).isNotNull();
        List<String> lines = job.getList("logs.message", String.class);
        assertThat(lines).anyMatch(l -> l.startsWith("attempt 1 of 3 sent to"))
                .anyMatch(l -> l.startsWith("started on"))
                .anyMatch(l -> l.startsWith(from + ": "))
                .anyMatch(l -> l.startsWith(from.plusDays(2) + ": "))
                .contains("completed");
    }

    @Test
    void aContentSimilarityJobRecountsEveryRecordsRowsOnDemand() {
        long id = create(Map.of("type", "content_similarity"));

        JsonPath job = awaitStatus(id, "completed");
        assertThat(job.getString("owner_service")).isEqualTo(runnerName());
        assertThat(job.getInt("result.collaborative_rows")).isNotNegative();
        assertThat(job.getList("logs.message", String.class))
                .anyMatch(l -> l.endsWith(" collaborative rows recounted"))
                .anyMatch(l -> l.endsWith(" metadata rows recounted"));
    }

    @Test
    void aFailingJobIsRetriedWithBackOffAndThenFailsWithItsLogs() {
        long id = create(Map.of("type", "metrics_aggregation", "params", Map.of("from", "yesterday"),
                "max_retries", 1));

        JsonPath job = awaitStatus(id, "failed");
        assertThat(job.getInt("attempts")).isEqualTo(2);
        assertThat(job.getInt("max_attempts")).isEqualTo(2);
        assertThat(job.getString("error_message")).contains("parameter from is not a date");
        List<String> lines = job.getList("logs.message", String.class);
        assertThat(lines).anyMatch(l -> l.startsWith("attempt 1 of 2 failed") && l.contains("retrying at"))
                .anyMatch(l -> l.startsWith("attempt 2 of 2 sent to"))
                .anyMatch(l -> l.startsWith("attempt 2 of 2 failed") && l.contains("no attempts left"));
        assertThat(job.getList("logs.level", String.class)).contains("error", "warning");
        Instant firstFailure = Instant.parse(logAt(job, "attempt 1 of 2 failed"));
        Instant secondSent = Instant.parse(logAt(job, "attempt 2 of 2 sent to"));
        assertThat(Duration.between(firstFailure, secondSent)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    @Test
    void aJobWaitsForTheJobItDependsOnAndFailsWhenThatFails() {
        long slow = pendingJob("cache_warmup", "{\"steps\": 10, \"step_ms\": 100}");
        long after = create(Map.of("type", "metrics_aggregation", "depends_on", slow));
        long failing = create(Map.of("type", "metrics_aggregation", "params", Map.of("to", "never"),
                "max_retries", 0));
        long orphan = create(Map.of("type", "metrics_aggregation", "depends_on", failing));

        JsonPath done = awaitStatus(after, "completed");
        JsonPath first = get(slow);
        assertThat(first.getString("status")).isEqualTo("completed");
        assertThat(Instant.parse(done.getString("started_at")))
                .isAfterOrEqualTo(Instant.parse(first.getString("completed_at")).minusMillis(5));
        JsonPath orphaned = awaitStatus(orphan, "failed");
        assertThat(orphaned.getInt("attempts")).isZero();
        assertThat(orphaned.getString("error_message")).isEqualTo("depends on job " + failing + ", which ended failed");
    }

    @Test
    void aCancelledJobStopsAtItsRunnersNextStep() {
        long id = pendingJob("cache_warmup", "{\"steps\": 400, \"step_ms\": 50}");
        await().atMost(Duration.ofSeconds(30)).until(() -> get(id).getDouble("progress_percent") > 0);

        given().auth().oauth2(TestTokens.admin(ADMIN)).post("/api/v1/jobs/" + id + "/cancel")
                .then().statusCode(202).body("cancel_requested_at", org.hamcrest.Matchers.notNullValue());
        JsonPath job = awaitStatus(id, "cancelled");
        assertThat(job.getDouble("progress_percent")).isLessThan(100.0);
        assertThat(job.getInt("attempts")).isEqualTo(1);
        assertThat(job.getList("logs.message", String.class))
                .anyMatch(l -> l.startsWith("cancellation requested by user " + ADMIN))
                .contains("cancelled at the runner's request");
        given().auth().oauth2(TestTokens.admin(ADMIN)).post("/api/v1/jobs/" + id + "/cancel")
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void aWaitingJobIsCancelledAtOnce() {
        long slow = pendingJob("cache_warmup", "{\"steps\": 100, \"step_ms\": 50}");
        long waiting = create(Map.of("type", "metrics_aggregation", "depends_on", slow));
        given().auth().oauth2(TestTokens.admin(ADMIN)).post("/api/v1/jobs/" + waiting + "/cancel")
                .then().statusCode(202).body("status", equalTo("cancelled"));
        given().auth().oauth2(TestTokens.admin(ADMIN)).post("/api/v1/jobs/" + slow + "/cancel").then().statusCode(202);
        awaitStatus(slow, "cancelled");
        assertThat(get(waiting).getInt("attempts")).isZero();
    }

    @Test
    void aRunnerThatStopsReportingIsNoticedAndItsJobRetried() {
        // written running in one statement: a pending row could be dispatched to the live runner first
        long id = ((Number) TestDatabase.rows("""
                insert into jobs (job_type, owner_service, parameters, initiated_by, max_attempts, status, attempts,
                                  last_sequence, worker_id, started_at, heartbeat_at)
                values ('cache_warmup', ?, '{"steps": 2}'::jsonb, 1, 3, 'running', 1, ?, 'gone@host/1',
                        now() - interval '1 minute', now() - interval '1 minute') returning id""",
                runnerName(), JobContext.ATTEMPT_STRIDE + 1).get(0).get("id")).longValue();

        JsonPath job = awaitStatus(id, "completed");
        assertThat(job.getInt("attempts")).isEqualTo(2);
        assertThat(job.getList("logs.message", String.class))
                .anyMatch(l -> l.startsWith("attempt 1 of 3 failed (runner gone@host/1 stopped reporting"));
    }

    @Test
    void aRunTheServiceStartedItselfShowsAmongTheJobs() {
        String runKey = "analytics-test/self/" + UUID.randomUUID();
        JobContext run = runner.open(runKey, "partition_maintenance", Map.of(), null);
        run.log(JobLevel.INFO, "looking at partitions");
        run.progress(1, 2L);
        run.completed(Map.of("created", 2));

        await().atMost(Duration.ofSeconds(30)).until(() -> TestDatabase.count(
                "select count(*) from jobs where idempotency_key = ? and status = 'completed'", runKey) == 1);
        long id = ((Number) TestDatabase.rows("select id from jobs where idempotency_key = ?", runKey).get(0)
                .get("id")).longValue();
        JsonPath job = get(id);
        assertThat(job.getString("type")).isEqualTo("partition_maintenance");
        assertThat(job.getString("run_key")).isEqualTo(runKey);
        assertThat(job.getInt("result.created")).isEqualTo(2);
        assertThat(job.getList("logs.message", String.class)).containsExactly("looking at partitions", "completed");
    }

    @Test
    void listsJobsByStatusAndTypeInCursorPages() {
        long a = create(Map.of("type", "metrics_aggregation", "params", Map.of("to", "x"), "max_retries", 0));
        long b = create(Map.of("type", "metrics_aggregation", "params", Map.of("to", "y"), "max_retries", 0));
        awaitStatus(a, "failed");
        awaitStatus(b, "failed");
        JsonPath first = list("status=failed&type=metrics_aggregation&limit=1");
        assertThat(first.getList("items.id", Long.class)).containsExactly(b);
        JsonPath second = list("status=failed&type=metrics_aggregation&limit=1&cursor=" + first.getString("next_cursor"));
        assertThat(second.getList("items.id", Long.class)).containsExactly(a);
        assertThat(list("status=completed&limit=200").getList("items.id", Long.class)).doesNotContain(a, b);
    }

    @Test
    void answersBadInputWithAProblemNamingTheFieldAndWritesNothing() {
        long before = TestDatabase.count("select count(*) from jobs");
        String admin = TestTokens.admin(ADMIN);
        badCreate(admin, Map.of("type", "user_erasure"), "type");
        badCreate(admin, Map.of("params", Map.of()), "type");
        badCreate(admin, Map.of("type", "store_sync", "max_retries", 11), "max_retries");
        badCreate(admin, Map.of("type", "store_sync", "priority", 0), "priority");
        badCreate(admin, Map.of("type", "store_sync", "depends_on", 9_000_000_000L), "depends_on");
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"type\": \"store_sync\", \"params\": [1]}")
                .post("/api/v1/jobs").then().statusCode(400).contentType("application/problem+json");
        assertThat(TestDatabase.count("select count(*) from jobs")).isEqualTo(before);

        given().auth().oauth2(admin).get("/api/v1/jobs?status=sleeping").then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
        given().auth().oauth2(admin).get("/api/v1/jobs?type=napping").then().statusCode(400)
                .body("errors[0].field", equalTo("type"));
        given().auth().oauth2(admin).get("/api/v1/jobs?limit=abc").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        given().auth().oauth2(admin).get("/api/v1/jobs/abc").then().statusCode(400)
                .body("errors[0].field", equalTo("id"));
        given().auth().oauth2(admin).get("/api/v1/jobs/9000000000").then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(admin).post("/api/v1/jobs/9000000000/cancel").then().statusCode(404);
    }

    @Test
    void jobsAreForAdminsOnly() {
        given().get("/api/v1/jobs").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.user(7)).get("/api/v1/jobs").then().statusCode(403);
        given().auth().oauth2(TestTokens.user(7)).contentType(ContentType.JSON).body(Map.of("type", "store_sync"))
                .post("/api/v1/jobs").then().statusCode(403);
    }

    private static void badCreate(String admin, Map<String, Object> body, String field) {
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(body).post("/api/v1/jobs")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo(field));
    }

    /** A pending job of a type the API does not start (the test runner's cache_warmup), for this runner. */
    static long pendingJob(String type, String parameters) {
        return ((Number) TestDatabase.rows("""
                insert into jobs (job_type, owner_service, parameters, initiated_by, max_attempts)
                values (?::job_type, ?, ?::jsonb, 1, 3) returning id""", type, runnerName(), parameters)
                .get(0).get("id")).longValue();
    }

    static long create(Map<String, Object> body) {
        return given().auth().oauth2(TestTokens.admin(ADMIN)).contentType(ContentType.JSON).body(body)
                .post("/api/v1/jobs").then().statusCode(201).body("status", equalTo("pending"))
                .extract().jsonPath().getLong("id");
    }

    static JsonPath awaitStatus(long id, String status) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> status.equals(get(id).getString("status")));
        return get(id);
    }

    static JsonPath get(long id) {
        return given().auth().oauth2(TestTokens.admin(ADMIN)).get("/api/v1/jobs/" + id)
                .then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath list(String query) {
        return given().auth().oauth2(TestTokens.admin(ADMIN)).get("/api/v1/jobs?" + query)
                .then().statusCode(200).extract().jsonPath();
    }

    private static String logAt(JsonPath job, String prefix) {
        List<Map<String, Object>> logs = job.getList("logs");
        return logs.stream().filter(l -> l.get("message").toString().startsWith(prefix)).findFirst()
                .orElseThrow().get("logged_at").toString();
    }

    static String runnerName() {
        return ConfigProvider.getConfig().getValue("rotation.jobs.service", String.class);
    }
}
