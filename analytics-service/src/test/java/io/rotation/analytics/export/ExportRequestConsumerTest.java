package io.rotation.analytics.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rotation.contracts.EventType;
import io.rotation.contracts.Topics;
import io.rotation.contracts.export.UserExportRequested;
import io.rotation.platform.event.CloudEventCodec;
import io.rotation.platform.event.CloudEventHeaders;
import io.rotation.platform.json.RotationObjectMapper;
import io.rotation.platform.testing.KafkaTail;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.TestDatabase;
import io.rotation.platform.testing.TestEvents;
import io.rotation.platform.testing.TestTokens;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(RotationStack.class)
class ExportRequestConsumerTest {

    private static final int EVENTS = 3_000;

    @Test
    void aPartLargerThanOneMessageTravelsAsNumberedChunksHoldingEveryRowOnceAlsoWhenTheRequestIsRedelivered()
            throws IOException {
        long user = TestTokens.newUserId();
        TestDatabase.update("""
                insert into usage_metrics (event_id, user_id, event_type, entity_type, entity_id, duration_ms,
                                           session_id, device, user_agent, metadata, occurred_at)
                select gen_random_uuid(), ?, 'play', 'track', i, 1000 + i, 'session-' || i, 'web',
                       'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0',
                       jsonb_build_object('play_id', i), now() - make_interval(mins => i)
                from generate_series(1, ?) i""", user, EVENTS);
        List<String> stored = TestDatabase.rows(
                "select event_id::text as id from usage_metrics where user_id = ? order by occurred_at, id", user)
                .stream().map(row -> (String) row.get("id")).toList();
        assertThat(stored).hasSize(EVENTS);

        String exportId = UUID.randomUUID().toString();
        UUID requestId = UUID.randomUUID();
        List<ConsumerRecord<String, byte[]>> chunks;
        try (KafkaTail tail = new KafkaTail(bootstrap(), Topics.EXPORT_PARTS); TestEvents events = new TestEvents()) {
            String topic = ConfigProvider.getConfig()
                    .getValue("mp.messaging.incoming.user-export-requests.topic", String.class);
            UserExportRequested request = new UserExportRequested(exportId, user, Instant.now());
            events.send(topic, requestId, EventType.USER_EXPORT_REQUESTED, String.valueOf(user), request);
            // the same request delivered again is not answered again
            events.send(topic, requestId, EventType.USER_EXPORT_REQUESTED, String.valueOf(user), request);

            JsonNode first = data(tail.await(r -> ofExport(r, exportId), 1, Duration.ofSeconds(60)).get(0));
            int m = first.get("chunks").asInt();
            assertThat(m).as("chunks of a part with %d usage events", EVENTS).isGreaterThan(1);
            tail.await(r -> ofExport(r, exportId), m, Duration.ofSeconds(60));
            chunks = tail.drain(Duration.ofSeconds(5)).stream().filter(r -> ofExport(r, exportId)).toList();
            assertThat(chunks).hasSize(m);
        }

        List<Integer> numbers = new ArrayList<>();
        List<String> exported = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : chunks.stream()
                .sorted((a, b) -> Integer.compare(chunkOf(a), chunkOf(b))).toList()) {
            assertThat(record.value().length).as("a chunk fits one Kafka message").isLessThan(1_000_000);
            JsonNode part = data(record);
            assertThat(part.get("chunks").asInt()).isEqualTo(chunks.size());
            assertThat(part.get("service").asText()).isEqualTo("analytics-service");
            numbers.add(part.get("chunk").asInt());
            part.path("data").path("usage_events").forEach(e -> exported.add(e.get("event_id").asText()));
        }
        assertThat(numbers).isEqualTo(java.util.stream.IntStream.rangeClosed(1, chunks.size()).boxed().toList());
        assertThat(exported).as("every usage event once, oldest first").isEqualTo(stored);
    }

    private static boolean ofExport(ConsumerRecord<String, byte[]> record, String exportId) {
        return EventType.USER_EXPORT_PART_READY.type().equals(CloudEventCodec.header(record.headers(),
                CloudEventHeaders.TYPE)) && data(record).path("export_id").asText().equals(exportId);
    }

    private static int chunkOf(ConsumerRecord<String, byte[]> record) {
        return data(record).get("chunk").asInt();
    }

    private static JsonNode data(ConsumerRecord<String, byte[]> record) {
        try {
            return RotationObjectMapper.create().readTree(record.value());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }
}
