package io.rotation.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * Flow 6 across a crash: audited writes in identity, config, catalog, matching and user-features through the
 * gateway, analytics killed with SIGKILL while the first ones are being consumed and before the others are,
 * then restarted. Every entry is in the admin's audit trail exactly once, with the request id the client sent.
 */
class AuditTrailAcrossKillTest {

    /** One audited write: where its entry is, what it says and the request that made it. */
    private record Expected(String service, String entityType, long entityId, String action, String requestId) {
    }

    @Test
    void everyServicesAuditEntriesArriveExactlyOnceWithAnalyticsKilledInBetween() throws Exception {
        String admin = Gateway.adminToken();
        long record = DiscogsSample.importAndFindStockholm(admin);
        long track = Gateway.request().get("/api/v1/records/" + record).then().statusCode(200)
                .extract().jsonPath().getLong("tracks[0].id");
        Gateway.Listener owner = Gateway.newListener();
        String slug = "audit-" + owner.username().toLowerCase();
        long store = Gateway.as(owner.token()).body(Map.of("name", "Shop " + slug, "slug", slug,
                "discogs_username", slug)).post("/api/v1/stores").then().statusCode(201).extract().jsonPath()
                .getLong("id");
        Gateway.Listener reporter = Gateway.newListener();
        long feedback = Gateway.as(reporter.token()).body(Map.of("feedback_type", "feature_request",
                "title", "system test: audit trail")).post("/api/v1/feedback").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        List<Expected> expected = new ArrayList<>();

        // written while analytics runs: some are consumed (offsets perhaps not yet committed) when it dies
        String rid = requestId();
        with(admin, rid).body(Map.of("status", "active")).patch("/api/v1/stores/" + store).then().statusCode(200);
        expected.add(new Expected("identity-service", "store", store, "store_status_changed", rid));
        String flagKey = "audit-trail-" + UUID.randomUUID();
        rid = requestId();
        long flag = with(admin, rid).body(Map.of("key", flagKey, "flag_type", "boolean", "enabled", false))
                .post("/api/v1/flags").then().statusCode(201).extract().jsonPath().getLong("id");
        expected.add(new Expected("config-service", "feature_flag", flag, "flag_created", rid));

        LocalServices.kill("analytics-service");

        // written while analytics is down: their entries wait on the topic
        rid = requestId();
        with(admin, rid).body(Map.of("enabled", true)).patch("/api/v1/flags/" + flagKey).then().statusCode(200);
        expected.add(new Expected("config-service", "feature_flag", flag, "flag_changed", rid));
        String ownerToken = Gateway.request().body(Map.of("refresh_token", owner.refreshToken()))
                .post("/api/v1/auth/refresh").then().statusCode(200).extract().path("access_token");
        String inventoryRequest = requestId();
        Map<String, Object> copy = Map.of("store_id", store, "record_id", record, "condition", "Very Good Plus (VG+)",
                "price", 31.0, "currency", "EUR");
        // catalog learns of the activation from Kafka: until then the store is not active there (409)
        long inventory = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> with(ownerToken, inventoryRequest).body(copy).post("/api/v1/inventory")
                        .then().extract(), r -> r.statusCode() == 201).jsonPath().getLong("id");
        expected.add(new Expected("catalog-service", "inventory", inventory, "inventory_created", inventoryRequest));
        String matchRequest = requestId();
        Map<String, Object> byHand = Map.of("track_id", track, "platform", "youtube",
                "url", "https://www.youtube.com/watch?v=" + videoId());
        // matching learns of the sample's tracks from Kafka: until then the track is unknown there (400)
        long match = await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                .until(() -> with(admin, matchRequest).body(byHand).post("/api/v1/matches").then().extract(),
                        r -> r.statusCode() == 201).jsonPath().getLong("id");
        expected.add(new Expected("matching-service", "audio_match", match, "audio_match_added", matchRequest));
        rid = requestId();
        with(admin, rid).body(Map.of("status", "in_review")).patch("/api/v1/feedback/" + feedback)
                .then().statusCode(200);
        expected.add(new Expected("user-features-service", "feedback", feedback, "feedback_triaged", rid));

        LocalServices.restart();

        for (Expected e : expected) {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> entries(admin, e).size() >= 1);
        }
        // time for a redelivered entry to land twice, if it could
        Thread.sleep(5_000);
        for (Expected e : expected) {
            List<Map<String, Object>> found = entries(admin, e);
            assertThat(found).as("entries of %s %s %s", e.service(), e.action(), e.entityId()).hasSize(1);
            assertThat(found.get(0).get("service")).isEqualTo(e.service());
            assertThat(found.get(0).get("ip_address")).as("client address of %s", e.action()).isNotNull();
        }
    }

    /** The trail's entries of this write: its entity, action and request id. */
    private static List<Map<String, Object>> entries(String admin, Expected e) {
        List<Map<String, Object>> found = new ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification request = Gateway.as(admin).queryParam("entity_type", e.entityType())
                    .queryParam("entity_id", e.entityId()).queryParam("action", e.action()).queryParam("limit", 100);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/audit-logs").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            items.stream().filter(i -> e.requestId().equals(i.get("request_id"))).forEach(found::add);
            cursor = page.getString("next_cursor");
        } while (cursor != null);
        return found;
    }

    private static RequestSpecification with(String token, String requestId) {
        return Gateway.as(token).header("X-Request-Id", requestId);
    }

    private static String requestId() {
        return "audit-" + UUID.randomUUID();
    }

    private static String videoId() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 11; i++) {
            id.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        return id.toString();
    }
}
