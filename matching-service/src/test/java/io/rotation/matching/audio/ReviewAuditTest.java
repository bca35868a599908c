package io.rotation.matching.audio;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rotation.contracts.EventType;
import io.rotation.contracts.Topics;
import io.rotation.matching.support.MatchFixtures;
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
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Admins' verdicts and hand-added matches leave one audit entry each in the suite's trail, naming the admin,
 * the request and the client (platform AuditEntries/AuditActor).
 */
@QuarkusTest
@WithTestResource(RotationStack.class)
class ReviewAuditTest {

    private final long admin = TestTokens.newUserId();

    @Test
    void aVerdictIsAuditedOnceWithOldAndNewStatusTheAdminAndTheRequest() throws Exception {
        long record = MatchFixtures.newId();
        long track = MatchFixtures.releaseWithTrack(record, "Audited Track");
        long match = MatchFixtures.match(track, record, "au" + record, "needs_review", 0.7);
        String requestId = "req-" + UUID.randomUUID();
        try (KafkaTail audit = new KafkaTail(bootstrap(), Topics.AUDIT_ENTRIES)) {
            given().header("Authorization", "Bearer " + TestTokens.admin(admin)).header("X-Request-Id", requestId)
                    .header("User-Agent", "review-console/1.0").contentType("application/json")
                    .body(Map.of("status", "verified", "reason", "it is the track"))
                    .patch("/api/v1/matches/" + match).then().statusCode(200);

            JsonNode entry = single(audit, "audio_match:" + match);
            assertThat(entry.get("service").asText()).isEqualTo("matching-service");
            assertThat(entry.get("action").asText()).isEqualTo("audio_match_reviewed");
            assertThat(entry.get("entity_id").asText()).isEqualTo(String.valueOf(match));
            assertThat(entry.get("user_id").asLong()).isEqualTo(admin);
            assertThat(entry.get("actor_type").asText()).isEqualTo("user");
            assertThat(entry.get("old_values").get("status").asText()).isEqualTo("needs_review");
            assertThat(entry.get("new_values").get("status").asText()).isEqualTo("verified");
            assertThat(entry.get("new_values").get("reason").asText()).isEqualTo("it is the track");
            assertThat(entry.get("request_id").asText()).isEqualTo(requestId);
            assertThat(entry.get("ip_address").asText()).isNotBlank();
            assertThat(entry.get("user_agent").asText()).isEqualTo("review-console/1.0");
        }
    }

    @Test
    void aMatchAddedByHandIsAuditedOnceWithTheAdminAndTheRequest() throws Exception {
        long record = MatchFixtures.newId();
        long track = MatchFixtures.releaseWithTrack(record, "Audited Hand Track");
        String requestId = "req-" + UUID.randomUUID();
        try (KafkaTail audit = new KafkaTail(bootstrap(), Topics.AUDIT_ENTRIES)) {
            long match = given().header("Authorization", "Bearer " + TestTokens.admin(admin))
                    .header("X-Request-Id", requestId).contentType("application/json")
                    .body(Map.of("track_id", track, "platform", "youtube",
                            "url", "https://www.youtube.com/watch?v=" + ("a" + record + "xxxxxxxxxxx").substring(0, 11)))
                    .post("/api/v1/matches").then().statusCode(201).extract().jsonPath().getLong("id");

            JsonNode entry = single(audit, "audio_match:" + match);
            assertThat(entry.get("action").asText()).isEqualTo("audio_match_added");
            assertThat(entry.get("user_id").asLong()).isEqualTo(admin);
            assertThat(entry.get("new_values").get("track_id").asLong()).isEqualTo(track);
            assertThat(entry.get("new_values").get("status").asText()).isEqualTo("verified");
            assertThat(entry.get("request_id").asText()).isEqualTo(requestId);
        }
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    /** The one audit entry with this key (waits for it, then a little longer for any second one). */
    private static JsonNode single(KafkaTail audit, String key) throws Exception {
        audit.await(r -> key.equals(r.key()), 1, Duration.ofSeconds(30));
        List<ConsumerRecord<String, byte[]>> entries = audit.drain(Duration.ofSeconds(2)).stream()
                .filter(r -> key.equals(r.key())).toList();
        assertThat(entries).hasSize(1);
        assertThat(CloudEventCodec.header(entries.get(0).headers(), CloudEventHeaders.TYPE))
                .isEqualTo(EventType.AUDIT_ENTRY_RECORDED.type());
        return RotationObjectMapper.create().readTree(entries.get(0).value());
    }
}
