package io.rotation.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.rotation.contracts.EventType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * Flows 2 and 3 through real Kafka: the sample imported into catalog → its releases projected and matched
 * by matching without anyone asking → a track's matches served (the second time from Redis) → a
 * listener's bad_match report (FeedbackSubmitted, published here as user-features would) sends the
 * match to the admins' review queue.
 */
class MatchingFlowTest {

    private static final String MATCHING = System.getProperty("rotation.matching.url", "http://127.0.0.1:8083");
    // with tracing on, a counter's line may end in an exemplar ("… 2.0 # {span_id=…} 1.0 …")
    private static final Pattern CACHE_HITS = Pattern.compile(
            "(?m)^rotation_cache_lookups_total\\{(?=[^}]*cache=\"matching-match\")(?=[^}]*result=\"hit\")[^}]*} (\\S+)(?: #.*)?$");

    @Test
    void theSampleIsMatchedServedFromRedisAndABadMatchReportQueuesItForReview() throws Exception {
        String admin = Gateway.adminToken();
        long record = DiscogsSample.importAndFindStockholm(admin);

        // The Persuader – Stockholm lists a video per track on Discogs
        JsonPath served = await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(2))
                .until(() -> Gateway.request().queryParam("record_id", record).get("/api/v1/matches").then()
                        .statusCode(200).extract().jsonPath(), page -> !page.getList("items").isEmpty());
        long track = served.getLong("items[0].track_id");
        long match = served.getLong("items[0].id");
        assertThat(served.getString("items[0].url")).startsWith("https://www.youtube.com/watch?v=");

        Gateway.request().queryParam("track_id", track).get("/api/v1/matches").then().statusCode(200);
        double hits = cacheHits();
        JsonPath again = Gateway.request().queryParam("track_id", track).get("/api/v1/matches").then()
                .statusCode(200).extract().jsonPath();
        assertThat(again.getList("items.id", Long.class)).contains(match);
        assertThat(cacheHits()).as("the second read answered from Redis").isGreaterThan(hits);

        publishBadMatch(Gateway.newListener().id(), match);
        await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofSeconds(1))
                .until(() -> inReviewQueue(admin, match));
        assertThat(Gateway.request().queryParam("track_id", track).get("/api/v1/matches").then().statusCode(200)
                .extract().jsonPath().getList("items.id", Long.class)).as("no longer served").doesNotContain(match);

        Gateway.as(admin).body(Map.of("status", "verified", "reason", "system test: the report was a test"))
                .patch("/api/v1/matches/" + match).then().statusCode(200);
    }

    private static boolean inReviewQueue(String admin, long match) {
        String cursor = null;
        for (int page = 0; page < 100; page++) {
            var request = Gateway.as(admin).queryParam("limit", 200);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath queue = request.get("/api/v1/matches/review-queue").then().statusCode(200).extract().jsonPath();
            if (queue.getList("items.match.id", Long.class).contains(match)) {
                return true;
            }
            cursor = queue.getString("next_cursor");
            if (cursor == null) {
                return false;
            }
        }
        return false;
    }

    private static double cacheHits() {
        String metrics = RestAssured.given().baseUri(MATCHING).get("/q/metrics").then().statusCode(200)
                .extract().asString();
        Matcher m = CACHE_HITS.matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    /** A FeedbackSubmitted CloudEvent as user-features' outbox relay sends it. */
    private static void publishBadMatch(long userId, long match) throws Exception {
        long feedbackId = Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L) + 1;
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("feedback_id", feedbackId);
        payload.put("user_id", userId);
        payload.put("feedback_type", "bad_match");
        payload.put("entity_type", "audio_match");
        payload.put("entity_id", match);
        payload.put("audio_match_id", match);
        payload.put("title", "not this song");
        payload.put("submitted_at", Instant.now().toString());
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty("rotation.kafka.bootstrap-servers",
                "127.0.0.1:9092"));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(EventType.FEEDBACK_SUBMITTED.topic(),
                    String.valueOf(feedbackId), new ObjectMapper().writeValueAsBytes(payload));
            for (Map.Entry<String, String> header : List.of(Map.entry("ce_specversion", "1.0"),
                    Map.entry("ce_id", UUID.randomUUID().toString()), Map.entry("ce_type", EventType.FEEDBACK_SUBMITTED.type()),
                    Map.entry("ce_source", "/rotation/system-tests"), Map.entry("ce_time", Instant.now().toString()),
                    Map.entry("ce_subject", String.valueOf(feedbackId)), Map.entry("content-type", "application/json"))) {
                record.headers().add(header.getKey(), header.getValue().getBytes(StandardCharsets.UTF_8));
            }
            producer.send(record).get();
        }
    }
}
