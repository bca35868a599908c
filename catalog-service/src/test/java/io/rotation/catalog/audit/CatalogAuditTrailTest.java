package io.rotation.catalog.audit;

import static io.restassured.RestAssured.given;
import static io.rotation.catalog.inventory.InventoryFixtures.manager;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.rotation.catalog.inventory.InventoryFixtures;
import io.rotation.contracts.EventType;
import io.rotation.contracts.Topics;
import io.rotation.platform.testing.KafkaTail;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.TestTokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * catalog's writes that matter reach the suite's audit trail ({@code rotation.audit.entries.v1}) through
 * the outbox, once each, naming who acted, from which request and address, and what changed.
 */
@QuarkusTest
@WithTestResource(RotationStack.class)
class CatalogAuditTrailTest {

    @Test
    void everyInventoryWriteIsAuditedOnceWithTheActorTheRequestAndTheCopyBeforeAndAfter() {
        long store = InventoryFixtures.store("active", null);
        long record = InventoryFixtures.record("Audit Artist", "Audited");
        long managerId = TestTokens.newUserId();
        String token = manager(managerId, store);
        String requestId = "req-" + UUID.randomUUID();
        try (KafkaTail tail = tail()) {
            long id = as(token, requestId).body(Map.of("store_id", store, "record_id", record,
                            "condition", "Very Good Plus (VG+)", "price", 20, "currency", "EUR"))
                    .post("/api/v1/inventory").then().statusCode(201).extract().jsonPath().getLong("id");
            as(token, requestId).body(Map.of("price", 25)).patch("/api/v1/inventory/" + id).then().statusCode(200);
            as(token, requestId).delete("/api/v1/inventory/" + id).then().statusCode(204);

            List<JsonPath> entries = entries(tail, "inventory:" + id, 3);
            assertThat(entries).extracting(e -> e.getString("action"))
                    .containsExactly("inventory_created", "inventory_updated", "inventory_removed");
            assertThat(entries).allSatisfy(e -> {
                assertThat(e.getString("service")).isEqualTo("catalog-service");
                assertThat(e.getString("entity_type")).isEqualTo("inventory");
                assertThat(e.getString("entity_id")).isEqualTo(String.valueOf(id));
                assertThat(e.getLong("user_id")).isEqualTo(managerId);
                assertThat(e.getString("actor_type")).isEqualTo("user");
                assertThat(e.getString("request_id")).isEqualTo(requestId);
                assertThat(e.getString("ip_address")).isEqualTo("127.0.0.1");
                assertThat(e.getString("user_agent")).isEqualTo("audit-test/1.0");
            });
            JsonPath created = entries.get(0);
            assertThat(created.getMap("old_values")).isNull();
            assertThat(created.getFloat("new_values.price")).isEqualTo(20f);
            assertThat(created.getString("new_values.status")).isEqualTo("active");
            JsonPath updated = entries.get(1);
            assertThat(updated.getFloat("old_values.price")).isEqualTo(20f);
            assertThat(updated.getFloat("new_values.price")).isEqualTo(25f);
            JsonPath removed = entries.get(2);
            assertThat(removed.getString("old_values.status")).isEqualTo("active");
            assertThat(removed.getString("new_values.status")).isEqualTo("removed");
            assertThat(tail.drain(Duration.ofSeconds(2)).stream().filter(r -> ("inventory:" + id).equals(r.key())))
                    .as("each write audited exactly once").hasSize(3);
        }
    }

    @Test
    void aRefusedOrInvalidWriteLeavesNoAuditEntry() {
        long store = InventoryFixtures.store("active", null);
        long record = InventoryFixtures.record("Audit Artist", "Refused");
        String stranger = manager(TestTokens.newUserId(), InventoryFixtures.store("active", null));
        String requestId = "req-" + UUID.randomUUID();
        try (KafkaTail tail = tail()) {
            as(stranger, requestId).body(Map.of("store_id", store, "record_id", record,
                    "condition", "Very Good Plus (VG+)", "price", 20, "currency", "EUR"))
                    .post("/api/v1/inventory").then().statusCode(403);
            as(manager(TestTokens.newUserId(), store), requestId).body(Map.of("store_id", store, "record_id", record,
                    "condition", "VG+", "price", 20, "currency", "EUR"))
                    .post("/api/v1/inventory").then().statusCode(400);
            assertThat(tail.drain(Duration.ofSeconds(3)).stream().filter(r -> requestId.equals(
                    JsonPath.from(text(r)).getString("request_id")))).isEmpty();
        }
    }

    @Test
    void anImportAnAdminStartsIsAuditedAsImportStarted() {
        long adminId = TestTokens.newUserId();
        String requestId = "req-" + UUID.randomUUID();
        try (KafkaTail tail = tail()) {
            long id = as(TestTokens.admin(adminId), requestId).body(Map.of("path", "crafted-releases.xml"))
                    .post("/api/v1/imports").then().statusCode(202).extract().jsonPath().getLong("id");

            JsonPath entry = entries(tail, "import_run:" + id, 1).get(0);
            assertThat(entry.getString("action")).isEqualTo("import_started");
            assertThat(entry.getLong("user_id")).isEqualTo(adminId);
            assertThat(entry.getString("request_id")).isEqualTo(requestId);
            assertThat(entry.getString("new_values.source")).isEqualTo("path");
            assertThat(entry.getString("new_values.path")).endsWith("crafted-releases.xml");
        }
    }

    @Test
    void aStoreSyncIsAuditedWhenAManagerStartsItAndWhenItEnds() {
        String username = "audit_shop_" + UUID.randomUUID().toString().substring(0, 8);
        long store = InventoryFixtures.store("active", username);
        long managerId = TestTokens.newUserId();
        String requestId = "req-" + UUID.randomUUID();
        try (KafkaTail tail = tail()) {
            long id = as(manager(managerId, store), requestId).body(Map.of("store_id", store))
                    .post("/api/v1/inventory/sync").then().statusCode(202).extract().jsonPath().getLong("id");

            List<JsonPath> both = entries(tail, "sync_run:" + id, 2, Duration.ofSeconds(90));
            JsonPath entry = both.get(0);
            assertThat(entry.getString("action")).isEqualTo("store_sync_started");
            // no Discogs here: the sync fails, and its end is audited with the error, for the manager who started it
            JsonPath finished = both.get(1);
            assertThat(finished.getString("action")).isEqualTo("store_sync_finished");
            assertThat(finished.getLong("user_id")).isEqualTo(managerId);
            assertThat(finished.getString("new_values.status")).isEqualTo("failed");
            assertThat(finished.getString("new_values.error")).isNotBlank();
            assertThat(finished.getInt("new_values.added")).isZero();
            assertThat(entry.getLong("user_id")).isEqualTo(managerId);
            assertThat(entry.getString("request_id")).isEqualTo(requestId);
            assertThat(entry.getLong("new_values.store_id")).isEqualTo(store);
            assertThat(entry.getString("new_values.discogs_username")).isEqualTo(username);
        }
    }

    private static RequestSpecification as(String token, String requestId) {
        return given().auth().oauth2(token).contentType("application/json").header("X-Request-Id", requestId)
                .header("User-Agent", "audit-test/1.0");
    }

    private static List<JsonPath> entries(KafkaTail tail, String key, int count) {
        return entries(tail, key, count, Duration.ofSeconds(30));
    }

    private static List<JsonPath> entries(KafkaTail tail, String key, int count, Duration within) {
        List<ConsumerRecord<String, byte[]>> records = tail.await(r -> key.equals(r.key()), count, within);
        assertThat(records).hasSize(count);
        assertThat(records).allSatisfy(r -> assertThat(new String(r.headers().lastHeader("ce_type").value(),
                StandardCharsets.UTF_8)).isEqualTo(EventType.AUDIT_ENTRY_RECORDED.type()));
        return records.stream().map(r -> JsonPath.from(text(r))).toList();
    }

    private static String text(ConsumerRecord<String, byte[]> record) {
        return new String(record.value(), StandardCharsets.UTF_8);
    }

    private static KafkaTail tail() {
        return new KafkaTail(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                Topics.AUDIT_ENTRIES);
    }
}
