package io.rotation.config.maintenance;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.rotation.contracts.Topics;
import io.rotation.platform.testing.KafkaTail;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.TestDatabase;
import io.rotation.platform.testing.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** /api/v1/maintenance-windows: scheduled, published, audited, announced once; writes refused during one. */
@QuarkusTest
@WithTestResource(RotationStack.class)
class MaintenanceWindowApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final String admin = TestTokens.admin(TestTokens.newUserId());

    @Test
    void aReadOnlyWindowTurnsWritesTo503WithRetryAfterWhileReadsAndHealthGoOn() {
        Instant now = Instant.now();
        long window = create(Map.of("title", "database upgrade", "message", "back soon",
                "starts_at", now.minusSeconds(1).toString(), "ends_at", now.plusSeconds(30).toString(),
                "affected_services", List.of("config-service")));
        try {
            Response refused = given().auth().oauth2(admin).contentType("application/json")
                    .body(Map.of("key", "maint-" + UUID.randomUUID(), "flag_type", "boolean")).post("/api/v1/flags");
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.jsonPath().getString("detail")).contains("database upgrade: back soon");
            assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 31);

            given().auth().oauth2(admin).get("/api/v1/flags?limit=1").then().statusCode(200);
            given().get("/q/health/ready").then().statusCode(200);
        } finally {
            given().auth().oauth2(admin).post("/api/v1/maintenance-windows/" + window + "/cancel").then().statusCode(200)
                    .body("cancelled_at", org.hamcrest.Matchers.notNullValue());
        }
        given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("key", "maint-" + UUID.randomUUID(), "flag_type", "boolean")).post("/api/v1/flags")
                .then().statusCode(201);
    }

    @Test
    void aWindowIsPublishedAuditedAndAnnouncedOnceBeforeItStarts() throws Exception {
        Instant start = Instant.now().plus(Duration.ofMinutes(30));
        try (KafkaTail windows = tail(Topics.CONFIG_MAINTENANCE); KafkaTail notices = tail(Topics.CONFIG_MAINTENANCE_NOTICES);
             KafkaTail audit = tail(Topics.AUDIT_ENTRIES)) {
            long window = create(Map.of("title", "catalog reindex", "starts_at", start.toString(),
                    "ends_at", start.plus(Duration.ofMinutes(10)).toString(), "affected_services", List.of("catalog-service"),
                    "notify_before_minutes", 60));
            try {
                List<ConsumerRecord<String, byte[]>> announced = notices.await(r -> String.valueOf(window).equals(r.key()), 1,
                        Duration.ofSeconds(20));
                assertThat(JSON.readTree(announced.get(0).value()).path("title").asText()).isEqualTo("catalog reindex");
                Thread.sleep(3000);
                assertThat(notices.drain(Duration.ofSeconds(1))).as("announced once")
                        .filteredOn(r -> String.valueOf(window).equals(r.key())).hasSize(1);
                given().get("/api/v1/maintenance-windows/" + window).then().statusCode(200)
                        .body("announced_at", org.hamcrest.Matchers.notNullValue());

                assertThat(JSON.readTree(windows.await(r -> String.valueOf(window).equals(r.key()), 1, Duration.ofSeconds(20))
                        .get(0).value()).path("affected_services").get(0).asText()).isEqualTo("catalog-service");
                assertThat(audit.await(r -> ("maintenance_window:" + window).equals(r.key()), 1, Duration.ofSeconds(20)))
                        .hasSize(1);
                List<Object> upcoming = given().get("/api/v1/maintenance-windows?limit=200").then().statusCode(200)
                        .extract().jsonPath().getList("items.id");
                assertThat(upcoming).contains((int) window);
            } finally {
                given().auth().oauth2(admin).post("/api/v1/maintenance-windows/" + window + "/cancel").then().statusCode(200);
            }
        }
    }

    @Test
    void anInvalidWindowIsRefusedNamingEachFieldAndNothingIsWritten() {
        long before = TestDatabase.count("select count(*) from maintenance_windows");
        Map<String, Object> bad = new HashMap<>();
        bad.put("title", "");
        bad.put("starts_at", "2030-01-02T00:00:00Z");
        bad.put("ends_at", "2030-01-01T00:00:00Z");
        bad.put("affected_services", List.of("billing-service"));
        bad.put("notify_before_minutes", -5);
        given().auth().oauth2(admin).contentType("application/json").body(bad).post("/api/v1/maintenance-windows")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("title", "ends_at", "affected_services", "notify_before_minutes"));
        given().auth().oauth2(admin).contentType("application/json").body(Map.of("title", "x", "starts_at", "tomorrow"))
                .post("/api/v1/maintenance-windows").then().statusCode(400);
        given().auth().oauth2(TestTokens.user(TestTokens.newUserId())).contentType("application/json")
                .body(Map.of("title", "x")).post("/api/v1/maintenance-windows").then().statusCode(403);
        assertThat(TestDatabase.count("select count(*) from maintenance_windows")).isEqualTo(before);
    }

    @Test
    void aCancelledWindowCannotBeChangedAndCancellingAgainChangesNothing() {
        Instant start = Instant.now().plus(Duration.ofDays(2));
        long window = create(Map.of("title", "later", "starts_at", start.toString(),
                "ends_at", start.plus(Duration.ofHours(1)).toString(), "notify_before_minutes", 0));
        given().auth().oauth2(admin).contentType("application/json").body(Map.of("read_only", false))
                .patch("/api/v1/maintenance-windows/" + window).then().statusCode(200).body("read_only", equalTo(false));
        String cancelledAt = given().auth().oauth2(admin).post("/api/v1/maintenance-windows/" + window + "/cancel")
                .then().statusCode(200).extract().path("cancelled_at");
        given().auth().oauth2(admin).post("/api/v1/maintenance-windows/" + window + "/cancel")
                .then().statusCode(200).body("cancelled_at", equalTo(cancelledAt));
        given().auth().oauth2(admin).contentType("application/json").body(Map.of("title", "again"))
                .patch("/api/v1/maintenance-windows/" + window).then().statusCode(409);
    }

    private long create(Map<String, Object> body) {
        return given().auth().oauth2(admin).contentType("application/json").body(body).post("/api/v1/maintenance-windows")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static KafkaTail tail(String topic) {
        return new KafkaTail(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class), topic);
    }
}
