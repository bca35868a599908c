package io.rotation.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.rotation.contracts.EventType;
import io.rotation.platform.event.CloudEventCodec;
import io.rotation.platform.event.CloudEventHeaders;
import io.rotation.platform.event.OutboundEvent;
import io.rotation.platform.testsupport.LocalKafka;
import io.rotation.platform.testsupport.ScratchSchema;
import io.rotation.platform.testsupport.Tracing;
import io.vertx.mutiny.sqlclient.Pool;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The relay against the real Postgres (a scratch schema per test) and Kafka. */
class OutboxRelayTest {

    private ScratchSchema schema;
    private Pool pool;
    private Producer<String, byte[]> producer;
    private String topic;
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final Tracing tracing = new Tracing();

    @BeforeEach
    void open() {
        schema = new ScratchSchema();
        pool = schema.pool(6);
        producer = LocalKafka.producer();
        topic = LocalKafka.newTopic("platform-relay-test", 86_400_000L);
    }

    @AfterEach
    void close() {
        producer.close();
        schema.close();
    }

    @Test
    void publishesRowsInOrderAndDeletesThem() throws Exception {
        OutboxRelay relay = relay(producer, 5);
        insert("a", "1", 10);
        insert("a", "2", 10);
        insert("b", "3", 10);

        assertThat(relay.relayOnce()).isEqualTo(3);

        assertThat(payloads(read(3))).containsExactly("{\"n\": 1}", "{\"n\": 2}", "{\"n\": 3}");
        assertThat(schema.count("select count(*) from outbox_event")).isZero();
    }

    @Test
    void onlyOneReplicaPublishesAtATimeAndAnotherTakesOverWhenItStops() throws Exception {
        OutboxRelay first = relay(producer, 5);
        OutboxRelay second = relay(producer, 5);
        insert("a", "1", 10);
        assertThat(first.relayOnce()).isEqualTo(1);
        insert("a", "2", 10);

        assertThat(second.relayOnce()).as("the lock is the first relay's").isZero();
        assertThat(second.isLeader()).isFalse();
        assertThat(schema.count("select count(*) from outbox_event")).isEqualTo(1);

        first.stop();
        assertThat(second.relayOnce()).isEqualTo(1);
        assertThat(second.isLeader()).isTrue();
        assertThat(payloads(read(2))).containsExactly("{\"n\": 1}", "{\"n\": 2}");
        second.stop();
    }

    @Test
    void parksARowKafkaRefusesAfterMaxAttemptsWithoutRepublishingTheOthers() throws Exception {
        OutboxRelay relay = relay(producer, 3);
        insert("a", "1", 10);
        insert("a", "2", 2_000_000); // beyond the producer's max.request.size
        insert("a", "3", 10);

        for (int attempt = 1; attempt <= 3; attempt++) {
            try {
                relay.relayOnce();
            } catch (IllegalStateException expected) {
                assertThat(expected).hasMessageContaining("RecordTooLarge");
            }
            if (attempt == 1) {
                assertThat(schema.rows("select attempts, parked_at from outbox_event")).singleElement()
                        .satisfies(row -> assertThat(row).containsEntry("attempts", 1).containsEntry("parked_at", null));
            }
        }
        insert("a", "4", 10);
        assertThat(relay.relayOnce()).isEqualTo(1);

        Map<String, Object> parked = schema.rows("select attempts, last_error, parked_at from outbox_event").get(0);
        assertThat(parked.get("attempts")).isEqualTo(3);
        assertThat((String) parked.get("last_error")).contains("RecordTooLargeException");
        assertThat(parked.get("parked_at")).isNotNull();
        assertThat(registry.get("rotation.outbox.parked").counter().count()).isEqualTo(1.0);
        List<ConsumerRecord<String, byte[]>> published = read(3);
        assertThat(payloads(published)).as("acknowledged rows are deleted, never re-sent")
                .containsExactly("{\"n\": 1}", "{\"n\": 3}", "{\"n\": 4}");
    }

    @Test
    void countsNoAttemptAndHoldsNoTransactionWhileKafkaIsAway() throws Exception {
        Producer<String, byte[]> away = LocalKafka.producer("127.0.0.1:1", 3_000);
        OutboxRelay relay = relay(away, 2);
        insert("a", "1", 10);
        try {
            Thread waiting = new Thread(() -> {
                try {
                    relay.relayOnce();
                } catch (Exception expected) {
                    // Kafka is away
                }
            });
            waiting.start();
            Thread.sleep(1_500);
            assertThat(schema.count("""
                    select count(*) from pg_stat_activity
                    where application_name = ? and xact_start is not null""", schema.applicationName))
                    .as("no open transaction while the relay waits for Kafka").isZero();
            waiting.join();
            assertThat(schema.rows("select attempts, parked_at from outbox_event")).singleElement()
                    .satisfies(row -> assertThat(row).containsEntry("attempts", 0).containsEntry("parked_at", null));
        } finally {
            relay.stop();
            away.close(Duration.ZERO);
        }
    }

    @Test
    void keepsRelayingAfterAnInterruptAndReportsTheBacklog() throws Exception {
        OutboxRelay relay = relay(producer, 5);
        relay.start();
        try {
            insert("a", "1", 10);
            await().atMost(Duration.ofSeconds(20)).until(() -> schema.count("select count(*) from outbox_event") == 0);
            threadNamed("outbox-relay").interrupt();
            insert("a", "2", 10);

            await().atMost(Duration.ofSeconds(20)).until(() -> schema.count("select count(*) from outbox_event") == 0);
            assertThat(relay.isAlive()).isTrue();
            assertThat(payloads(read(2))).containsExactly("{\"n\": 1}", "{\"n\": 2}");
        } finally {
            relay.stop();
        }
        assertThat(relay.isAlive()).as("a stopped relay is not alive").isFalse();
    }

    @Test
    void exportsTheAgeOfTheOldestUnpublishedRowAndTheBacklog() throws Exception {
        OutboxRelay relay = relay(producer, 5);
        schema.execute("""
                insert into outbox_event (event_id, topic, event_type, message_key, payload, occurred_at, created_at)
                values (gen_random_uuid(), ?, 'io.rotation.test.v1', 'k', '{}', now(), now() - interval '90 seconds')""",
                topic);

        relay.relayOnce();

        assertThat(registry.get("rotation.outbox.oldest.unpublished.age.seconds").gauge().value())
                .isBetween(89.0, 200.0);
        assertThat(registry.get("rotation.outbox.unpublished.rows").gauge().value())
                .as("measured before the batch: the row waiting").isEqualTo(1.0);
        relay.stop();
    }

    @Test
    void sendsEachEventInAProducerSpanChildOfTheRowsTraceAndPutsThatSpanInCeTraceparent() throws Exception {
        OutboxRelay relay = relay(producer, 5);
        insertTraced("a", "00-" + TRACE_ID + "-" + WRITER_SPAN_ID + "-01", "rotation=t61");

        assertThat(relay.relayOnce()).isEqualTo(1);

        SpanData producerSpan = tracing.finished().stream().filter(s -> s.getKind() == SpanKind.PRODUCER)
                .findFirst().orElseThrow();
        assertThat(producerSpan.getTraceId()).isEqualTo(TRACE_ID);
        assertThat(producerSpan.getParentSpanId()).isEqualTo(WRITER_SPAN_ID);
        assertThat(producerSpan.getName()).isEqualTo(topic + " publish");
        ConsumerRecord<String, byte[]> sent = read(1).get(0);
        assertThat(CloudEventCodec.header(sent.headers(), CloudEventHeaders.TRACEPARENT))
                .isEqualTo("00-" + TRACE_ID + "-" + producerSpan.getSpanId() + "-01");
        assertThat(CloudEventCodec.header(sent.headers(), CloudEventHeaders.TRACESTATE)).isEqualTo("rotation=t61");
    }

    @Test
    void withTracingOffForwardsTheRowsContextAndDropsAMalformedOneWithoutFailingTheEvent() throws Exception {
        OutboxRelay relay = new OutboxRelay(pool, producer, new TestConfig(5), registry,
                OpenTelemetry.noop().getTracer("off"));
        String written = "00-" + TRACE_ID + "-" + WRITER_SPAN_ID + "-01";
        insertTraced("a", written, null);
        insertTraced("b", "00-not-a-trace-context", null);

        assertThat(relay.relayOnce()).isEqualTo(2);

        List<ConsumerRecord<String, byte[]>> sent = read(2);
        assertThat(sent).extracting(r -> CloudEventCodec.header(r.headers(), CloudEventHeaders.TRACEPARENT))
                .containsExactly(written, null);
        assertThat(schema.count("select count(*) from outbox_event")).isZero();
    }

    @Test
    void aTextPayloadColumnKeepsTheJsonAsSerialisedAndTheRelayPublishesItUnchanged() throws Exception {
        schema.execute("alter table outbox_event alter column payload type text using payload::text");
        ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
        Probe probe = new Probe("Östermalm \"B1\" \\ 5:35", 285, List.of("The Persuader"));
        String serialised = mapper.writeValueAsString(probe);
        OutboundEvent event = new OutboundEvent(UUID.randomUUID(), EventType.USER_ERASED, "k", Instant.now(), probe);
        Outbox outbox = new Outbox(mapper, Outbox.PayloadColumn.TEXT);

        schema.onDuplicatedContext(() -> pool.withTransaction(c -> outbox.append(c, List.of(event))),
                Duration.ofSeconds(30));
        schema.execute("update outbox_event set topic = ?", topic);

        assertThat(schema.rows("select payload from outbox_event")).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("payload", serialised));
        assertThat(relay(producer, 5).relayOnce()).isEqualTo(1);
        assertThat(read(1)).extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
                .as("byte for byte what the writer serialised, keys in its order").containsExactly(serialised);
    }

    @Test
    void theDefaultOutboxStillWritesAJsonbColumn() throws Exception {
        ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
        Probe probe = new Probe("Vasastaden", 371, List.of());
        OutboundEvent event = new OutboundEvent(UUID.randomUUID(), EventType.USER_ERASED, "k", Instant.now(), probe);

        schema.onDuplicatedContext(() -> pool.withTransaction(c -> new Outbox(mapper).append(c, List.of(event))),
                Duration.ofSeconds(30));

        assertThat(schema.rows("select payload ->> 'title_z' as title, pg_typeof(payload)::text as type"
                + " from outbox_event")).singleElement()
                .satisfies(row -> assertThat(row).containsEntry("title", "Vasastaden").containsEntry("type", "jsonb"));
    }

    /** Keys out of jsonb's order, quotes, a backslash and non-ASCII: what jsonb would have rewritten. */
    private record Probe(String title_z, int a, List<String> artists) {
    }

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    private static final String WRITER_SPAN_ID = "00f067aa0ba902b7";

    private void insertTraced(String key, String traceparent, String tracestate) {
        schema.execute("""
                insert into outbox_event (event_id, topic, event_type, message_key, payload, occurred_at,
                                          traceparent, tracestate)
                values (?, ?, 'io.rotation.test.v1', ?, '{}'::jsonb, now(), ?, ?)""",
                UUID.randomUUID(), topic, key, traceparent, tracestate);
    }

    private OutboxRelay relay(Producer<String, byte[]> producer, int maxAttempts) {
        return new OutboxRelay(pool, producer, new TestConfig(maxAttempts), registry, tracing.tracer());
    }

    private void insert(String key, String n, int padding) {
        String payload = padding > 100 ? "{\"n\": " + n + ", \"pad\": \"" + "x".repeat(padding) + "\"}"
                : "{\"n\": " + n + "}";
        schema.execute("""
                insert into outbox_event (event_id, topic, event_type, message_key, payload, occurred_at)
                values (?, ?, 'io.rotation.test.v1', ?, ?::jsonb, now())""", UUID.randomUUID(), topic, key, payload);
    }

    private List<ConsumerRecord<String, byte[]>> read(int expected) {
        List<ConsumerRecord<String, byte[]>> records = LocalKafka.read(topic, Duration.ofSeconds(5),
                l -> l.size() > expected);
        assertThat(records).allSatisfy(r -> assertThat(CloudEventCodec.header(r.headers(), CloudEventHeaders.ID))
                .isNotNull());
        return records;
    }

    private static List<String> payloads(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(r -> new String(r.value())).toList();
    }

    private static Thread threadNamed(String name) {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals(name)).findFirst()
                .orElseThrow();
    }

    private record TestConfig(int maxAttempts) implements OutboxConfig {
        public boolean relayEnabled() {
            return true;
        }

        public Duration pollInterval() {
            return Duration.ofMillis(20);
        }

        public Duration followerPollInterval() {
            return Duration.ofMillis(100);
        }

        public int batchSize() {
            return 100;
        }

        public Duration livenessTimeout() {
            return Duration.ofSeconds(30);
        }

        public String source() {
            return "/rotation/tests";
        }

        public Outbox.PayloadColumn payloadColumn() {
            return Outbox.PayloadColumn.JSONB;
        }
    }
}
