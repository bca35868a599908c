package io.rotation.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rotation.contracts.Topics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * One play, one trace: a client's {@code traceparent} on {@code POST /api/v1/plays/batch} through the
 * gateway is continued by user-features' HTTP span, its outbox relay's producer span and analytics'
 * PlayRecorded consumer span, read from the span files the running services write
 * ({@code $ROTATION_STATE/traces/<service>.<n>.jsonl}, OTLP JSON; {@code ./rotation} starts them so).
 */
class TraceAcrossServicesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SERVER = 2;
    private static final int PRODUCER = 4;
    private static final int CONSUMER = 5;

    @Test
    void oneTraceIdFromTheGatewayRequestThroughTheOutboxRelayToAnalyticsConsumer() {
        String traceId = hex(16);
        String clientSpanId = hex(8);
        Gateway.Listener listener = Gateway.newListener();
        Map<String, Object> play = Map.of("track_id", 4242, "played_at",
                Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(60).toString(),
                "duration_played_ms", 30_000, "completion_percentage", 25);

        Gateway.as(listener.token()).header("traceparent", "00-" + traceId + "-" + clientSpanId + "-01")
                .body(Map.of("plays", List.of(play))).post("/api/v1/plays/batch")
                .then().statusCode(200).body("stored", equalTo(1));

        // spans leave each service in batches (every few seconds)
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            List<JsonNode> userFeatures = spans("user-features-service", traceId);
            JsonNode request = only(userFeatures, SERVER, "POST /api/v1/plays/batch");
            assertThat(request.path("parentSpanId").asText()).as("the gateway passes the client's context on")
                    .isEqualTo(clientSpanId);
            JsonNode publish = only(userFeatures, PRODUCER, Topics.USER_FEATURES_PLAYS + " publish");
            assertThat(inTrace(userFeatures, publish, request.path("spanId").asText()))
                    .as("the relay's producer span descends from the request that wrote the outbox row").isTrue();
            JsonNode consume = only(spans("analytics-service", traceId), CONSUMER, "analytics.play-recorded process");
            assertThat(consume.path("parentSpanId").asText()).isEqualTo(publish.path("spanId").asText());
        });
    }

    /** Walks up the parents within one service's spans: whether {@code span} descends from {@code ancestor}. */
    private static boolean inTrace(List<JsonNode> spans, JsonNode span, String ancestor) {
        Optional<JsonNode> at = Optional.of(span);
        while (at.isPresent()) {
            String parent = at.get().path("parentSpanId").asText();
            if (parent.equals(ancestor)) {
                return true;
            }
            at = spans.stream().filter(s -> s.path("spanId").asText().equals(parent)).findFirst();
        }
        return false;
    }

    private static JsonNode only(List<JsonNode> spans, int kind, String name) {
        List<JsonNode> found = spans.stream()
                .filter(s -> s.path("kind").asInt() == kind && s.path("name").asText().equals(name)).toList();
        assertThat(found).as("spans of kind %d named %s in %s", kind, name, spans.stream()
                .map(s -> s.path("kind").asInt() + " " + s.path("name").asText()).toList()).hasSize(1);
        return found.get(0);
    }

    /** The spans of one trace in a service's span files (one OTLP-JSON ResourceSpans object a line). */
    private static List<JsonNode> spans(String service, String traceId) {
        List<Path> files;
        try (Stream<Path> listed = Files.list(traces())) {
            files = listed.filter(f -> f.getFileName().toString().matches(Pattern.quote(service) + "\\.\\d+\\.jsonl"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(files).as("the services run with span files (./rotation services up)").isNotEmpty();
        List<JsonNode> found = new ArrayList<>();
        for (Path file : files) {
            found.addAll(spans(file, traceId));
        }
        return found;
    }

    private static List<JsonNode> spans(Path file, String traceId) {
        List<JsonNode> found = new ArrayList<>();
        try (Stream<String> lines = Files.lines(file)) {
            lines.filter(line -> line.contains(traceId)).forEach(line -> {
                try {
                    for (JsonNode scope : JSON.readTree(line).path("scopeSpans")) {
                        for (JsonNode span : scope.path("spans")) {
                            if (span.path("traceId").asText().equals(traceId)) {
                                found.add(span);
                            }
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    private static Path traces() {
        String configured = System.getenv("ROTATION_TRACES_DIRECTORY");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        String state = System.getenv("ROTATION_STATE");
        Path root = Path.of(System.getProperty("rotation.repo.root", "..")).toAbsolutePath().normalize();
        return (state != null ? Path.of(state) : root.resolve(".state")).resolve("traces");
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
