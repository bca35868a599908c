package io.rotation.analytics.performance;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.rotation.contracts.EventType;
import io.rotation.contracts.Topics;
import io.rotation.contracts.performance.PerformanceReported;
import io.rotation.contracts.performance.PerformanceReported.Endpoint;
import io.rotation.platform.performance.PerformanceReporter;
import io.rotation.platform.testing.KafkaTail;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.TestDatabase;
import io.rotation.platform.testing.TestEvents;
import io.rotation.platform.testing.TestTokens;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The platform reporter turns this service's Micrometer timings into a PerformanceReported per window, through
 * the outbox; analytics stores each report once and serves it to admins.
 */
@QuarkusTest
@WithTestResource(RotationStack.class)
class PerformanceMetricsTest {

    @Inject
    PerformanceReporter reporter;

    @Test
    void theReporterSendsTheWindowsCallsPerEndpointWithErrorsAndPercentilesThroughTheOutbox() {
        reporter.report().await().atMost(Duration.ofSeconds(30)); // closes the window of earlier tests' calls
        String admin = TestTokens.admin(TestTokens.newUserId());
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(admin).get("/api/v1/metrics/daily?from=nope").then().statusCode(400);
        }
        given().auth().oauth2(admin).get("/api/v1/metrics/daily").then().statusCode(200);
        given().get("/api/v1/metrics/daily").then().statusCode(401);

        try (KafkaTail tail = new KafkaTail(bootstrap(), Topics.PERFORMANCE)) {
            PerformanceReported report = reporter.report().await().atMost(Duration.ofSeconds(30));

            assertThat(report.service()).isEqualTo("analytics-service");
            assertThat(report.windowStart()).isBefore(report.windowEnd());
            Endpoint daily = report.endpoints().stream()
                    .filter(e -> e.endpoint().equals("/api/v1/metrics/daily") && e.method().equals("GET"))
                    .findFirst().orElseThrow();
            assertThat(daily.requests()).isEqualTo(5);
            assertThat(daily.clientErrors()).isEqualTo(4);
            assertThat(daily.serverErrors()).isZero();
            assertThat(daily.p50Ms()).isNotNull();
            assertThat(daily.p99Ms()).isGreaterThanOrEqualTo(daily.p50Ms());
            assertThat(daily.maxMs()).isGreaterThan(0);
            assertThat(report.endpoints()).noneMatch(e -> e.endpoint().startsWith("/q/"));
            assertThat(tail.await(r -> "analytics-service".equals(r.key()), 1, Duration.ofSeconds(30))).isNotEmpty();
        }
    }

    @Test
    void aReportIsStoredOnceAndServedToAdminsByServiceAndTime() {
        String service = "svc-" + UUID.randomUUID().toString().substring(0, 8);
        Instant end = Instant.now().minusSeconds(30).truncatedTo(ChronoUnit.MILLIS);
        PerformanceReported report = new PerformanceReported(service, "i-1", end.minusSeconds(60), end, List.of(
                new Endpoint("GET", "/api/v1/records/{id}", 120, 2, 5, 12.5, 10.0, 40.0, 90.0, 130.0),
                new Endpoint("POST", "/api/v1/plays", 30, 0, 1, 20.0, 18.0, 30.0, 35.0, 36.0)));
        UUID id = UUID.randomUUID();
        try (TestEvents events = new TestEvents()) {
            events.send(topic(), id, EventType.PERFORMANCE_REPORTED, service, report);
            events.send(topic(), id, EventType.PERFORMANCE_REPORTED, service, report);
            // a later report of the same service (same partition) shows the redelivery was consumed before it
            events.send(topic(), UUID.randomUUID(), EventType.PERFORMANCE_REPORTED, service,
                    new PerformanceReported(service, "i-1", end, end.plusSeconds(20), List.of(
                            new Endpoint("GET", "/api/v1/records/{id}", 7, 0, 0, 5.0, 5.0, 6.0, 7.0, 8.0))));
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                TestDatabase.count("select count(*) from performance_metrics where service = ?", service) >= 3);
        assertThat(TestDatabase.count("select count(*) from performance_metrics where service = ?", service))
                .isEqualTo(3);

        JsonPath page = list("service=" + service + "&from=" + end.minusSeconds(1) + "&to=" + end.plusSeconds(1));
        assertThat(page.getList("items")).hasSize(2);
        JsonPath records = given().auth().oauth2(TestTokens.admin(TestTokens.newUserId()))
                .queryParam("service", service).queryParam("endpoint", "/api/v1/records/{id}")
                .queryParam("from", end.minusSeconds(1).toString()).queryParam("to", end.plusSeconds(1).toString())
                .get("/api/v1/metrics/performance").then().statusCode(200).extract().jsonPath();
        assertThat(records.getList("items")).hasSize(1);
        assertThat(records.getLong("items[0].requests")).isEqualTo(120);
        assertThat(records.getLong("items[0].server_errors")).isEqualTo(2);
        assertThat(records.getLong("items[0].client_errors")).isEqualTo(5);
        assertThat(records.getDouble("items[0].p95_ms")).isEqualTo(40.0);
        assertThat(records.getDouble("items[0].mean_ms")).isEqualTo(12.5);
        assertThat(Instant.parse(records.getString("items[0].window_end"))).isEqualTo(end);
        assertThat(Instant.parse(records.getString("items[0].window_start"))).isEqualTo(end.minusSeconds(60));

        JsonPath newest = list("service=" + service + "&from=" + end.minusSeconds(120) + "&limit=1");
        assertThat(newest.getString("items[0].window_end")).isNotNull();
        assertThat(Instant.parse(newest.getString("items[0].window_end"))).isEqualTo(end.plusSeconds(20));
        JsonPath rest = list("service=" + service + "&from=" + end.minusSeconds(120) + "&limit=5&cursor="
                + newest.getString("next_cursor"));
        assertThat(rest.getList("items")).hasSize(2);
    }

    @Test
    void performanceIsForAdminsAndBadRangesAreA400NamingTheParameter() {
        given().get("/api/v1/metrics/performance").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.user(TestTokens.newUserId())).get("/api/v1/metrics/performance")
                .then().statusCode(403).contentType("application/problem+json");
        String admin = TestTokens.admin(TestTokens.newUserId());
        for (String[] bad : new String[][] {{"from=today", "from"}, {"to=2026-01-01", "to"},
                {"from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", "to"},
                {"from=2025-01-01T00:00:00Z&to=2026-01-01T00:00:00Z", "from"}, {"limit=500", "limit"}}) {
            given().auth().oauth2(admin).get("/api/v1/metrics/performance?" + bad[0]).then().statusCode(400)
                    .contentType("application/problem+json").body("errors[0].field", equalTo(bad[1]));
        }
    }

    private static JsonPath list(String query) {
        return given().auth().oauth2(TestTokens.admin(TestTokens.newUserId())).get("/api/v1/metrics/performance?" + query).then().statusCode(200).extract().jsonPath();
    }

    private static String topic() {
        return ConfigProvider.getConfig().getValue("mp.messaging.incoming.performance.topic", String.class);
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }
}
