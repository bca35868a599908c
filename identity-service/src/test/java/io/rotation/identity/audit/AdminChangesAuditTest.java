package io.rotation.identity.audit;

import static io.rotation.identity.IdentityFixture.as;
import static io.rotation.identity.IdentityFixture.bootstrap;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.rotation.contracts.EventType;
import io.rotation.contracts.Topics;
import io.rotation.identity.IdentityFixture;
import io.rotation.identity.IdentityFixture.Account;
import io.rotation.platform.event.CloudEventCodec;
import io.rotation.platform.event.CloudEventHeaders;
import io.rotation.platform.json.RotationObjectMapper;
import io.rotation.platform.testing.KafkaTail;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.TestTokens;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Admins' changes to a user's access and to a store's status leave one audit entry each, with the request's
 * id and client address (platform AuditEntries/AuditActor).
 */
@QuarkusTest
@WithTestResource(RotationStack.class)
class AdminChangesAuditTest {

    @Test
    void anAdminChangingRoleAndActivityIsAuditedWithOldAndNewValuesOnly() throws Exception {
        Account user = IdentityFixture.account();
        long adminId = TestTokens.newUserId();
        String admin = TestTokens.admin(adminId);
        try (KafkaTail audit = new KafkaTail(bootstrap(), Topics.AUDIT_ENTRIES)) {
            String requestId = "req-" + UUID.randomUUID();
            as(admin).header("X-Request-Id", requestId).header("X-Forwarded-For", "203.0.113.77")
                    .contentType(ContentType.JSON).body(Map.of("role", "store_manager", "is_active", false))
                    .patch("/api/v1/users/" + user.id()).then().statusCode(200);
            // the same values again change nothing and record nothing
            as(admin).contentType(ContentType.JSON).body(Map.of("role", "store_manager"))
                    .patch("/api/v1/users/" + user.id()).then().statusCode(200);

            JsonNode entry = single(audit, "user:" + user.id());
            assertThat(entry.get("service").asText()).isEqualTo("identity-service");
            assertThat(entry.get("action").asText()).isEqualTo(AuditActions.USER_ACCESS_CHANGED);
            assertThat(entry.get("entity_type").asText()).isEqualTo("user");
            assertThat(entry.get("entity_id").asText()).isEqualTo(String.valueOf(user.id()));
            assertThat(entry.get("user_id").asLong()).isEqualTo(adminId);
            assertThat(entry.get("actor_type").asText()).isEqualTo("user");
            assertThat(entry.get("request_id").asText()).as("the gateway's request id").isEqualTo(requestId);
            assertThat(entry.get("ip_address").asText()).as("the client's address, forwarded by a trusted proxy")
                    .isEqualTo("203.0.113.77");
            assertThat(entry.get("old_values").get("role").asText()).isEqualTo("general_user");
            assertThat(entry.get("old_values").get("is_active").asBoolean()).isTrue();
            assertThat(entry.get("new_values").get("role").asText()).isEqualTo("store_manager");
            assertThat(entry.get("new_values").get("is_active").asBoolean()).isFalse();
            assertThat(entry.toString()).doesNotContain(user.name());
        }
    }

    @Test
    void anAdminChangingAStoresStatusIsAuditedButADetailEditIsNot() throws Exception {
        Account owner = IdentityFixture.account();
        String slug = "a-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        long store = as(owner.token()).contentType(ContentType.JSON)
                .body(Map.of("name", "Audited store", "slug", slug, "discogs_username", "dg-" + slug))
                .post("/api/v1/stores").then().statusCode(201).extract().jsonPath().getLong("id");
        long adminId = TestTokens.newUserId();
        try (KafkaTail audit = new KafkaTail(bootstrap(), Topics.AUDIT_ENTRIES)) {
            String requestId = "req-" + UUID.randomUUID();
            as(TestTokens.admin(adminId)).header("X-Request-Id", requestId).contentType(ContentType.JSON)
                    .body(Map.of("status", "active")).patch("/api/v1/stores/" + store).then().statusCode(200);
            as(owner.token()).contentType(ContentType.JSON).body(Map.of("description", "now open"))
                    .patch("/api/v1/stores/" + store).then().statusCode(200);

            JsonNode entry = single(audit, "store:" + store);
            assertThat(entry.get("action").asText()).isEqualTo(AuditActions.STORE_STATUS_CHANGED);
            assertThat(entry.get("entity_type").asText()).isEqualTo("store");
            assertThat(entry.get("entity_id").asText()).isEqualTo(String.valueOf(store));
            assertThat(entry.get("user_id").asLong()).isEqualTo(adminId);
            assertThat(entry.get("request_id").asText()).isEqualTo(requestId);
            assertThat(entry.get("old_values").get("status").asText()).isEqualTo("pending");
            assertThat(entry.get("new_values").get("status").asText()).isEqualTo("active");
        }
    }

    /** The one audit entry with this key (waits for it, then a little longer for any second one). */
    private static JsonNode single(KafkaTail audit, String key) throws Exception {
        audit.await(r -> key.equals(r.key()), 1, Duration.ofSeconds(20));
        List<ConsumerRecord<String, byte[]>> entries = audit.drain(Duration.ofSeconds(2)).stream()
                .filter(r -> key.equals(r.key())).toList();
        assertThat(entries).hasSize(1);
        assertThat(CloudEventCodec.header(entries.get(0).headers(), CloudEventHeaders.TYPE))
                .isEqualTo(EventType.AUDIT_ENTRY_RECORDED.type());
        return RotationObjectMapper.create().readTree(entries.get(0).value());
    }
}
