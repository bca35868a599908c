package io.rotation.platform.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.rotation.contracts.Topics;
import io.rotation.platform.event.CloudEventCodec;
import io.rotation.platform.event.CloudEventHeaders;
import io.rotation.platform.kafka.KafkaAdmin;
import io.rotation.platform.kafka.TopicRetention;
import io.rotation.platform.testsupport.LocalKafka;
import io.rotation.platform.testsupport.Records;
import io.rotation.platform.testsupport.ScratchSchema;
import io.rotation.platform.testsupport.Tracing;
import io.rotation.platform.tracing.TraceParent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The consumer against the real Postgres (a scratch schema) and Kafka (for dead letters). */
class IdempotentConsumerTest {

    private static final String TYPE = "io.rotation.test.thing_happened.v1";
    private static final Duration WAIT = Duration.ofSeconds(60);

    private static ScratchSchema schema;
    private static Pool pool;
    private static Producer<String, byte[]> producer;

    private SimpleMeterRegistry registry;
    private final Tracing tracing = new Tracing();
    private DeadLetters deadLetters;
    private IdempotentConsumer consumer;
    private String topic;
    private String name;

    @BeforeAll
    static void open() {
        schema = new ScratchSchema();
        schema.execute("create table effect_log (event_id uuid not null, payload text not null check (payload <> 'bad'))");
        pool = schema.pool(4);
        producer = LocalKafka.producer();
    }

    @AfterAll
    static void close() {
        producer.close();
        schema.close();
    }

    @BeforeEach
    void fresh() {
        registry = new SimpleMeterRegistry();
        deadLetters = new DeadLetters(producer, registry);
        consumer = new IdempotentConsumer(pool, new ProcessedEvents(), deadLetters,
                new TopicRetention(new KafkaAdmin(LocalKafka.BOOTSTRAP)), 3, Duration.ofMillis(20), tracing.tracer());
        topic = LocalKafka.newTopic("platform-consumer-test", 86_400_000L);
        name = "test-" + UUID.randomUUID();
    }

    @Test
    void deadLettersARecordWhoseDecodingThrowsAnythingAndAppliesTheRest() {
        var good = event("fine");
        var broken = event("npe");
        var alsoGood = event("also fine");

        consume(List.of(good, broken, alsoGood), decoded -> {
            if (decoded.equals("npe")) {
                throw new NullPointerException("actor_type");
            }
            return decoded;
        }, insertEach());

        assertThat(applied()).containsExactlyInAnyOrder("fine", "also fine");
        var letters = deadLetters(1);
        assertThat(letters).singleElement().satisfies(letter -> {
            assertThat(header(letter, CloudEventHeaders.DLQ_ERROR)).contains("NullPointerException").contains("actor_type");
            assertThat(header(letter, CloudEventHeaders.DLQ_CONSUMER)).isEqualTo(name);
            assertThat(header(letter, CloudEventHeaders.ID)).isEqualTo(header(broken, CloudEventHeaders.ID));
        });
        assertThat(deadLetters.count(name)).isEqualTo(1.0);
    }

    @Test
    void deadLettersAnEnvelopeThatIsNotACloudEvent() {
        var noId = Records.event(topic, UUID.randomUUID(), TYPE, "k", "x");
        noId.headers().remove(CloudEventHeaders.ID);
        var good = event("fine");

        consume(List.of(noId, good), Function.identity(), insertEach());

        assertThat(applied()).containsExactly("fine");
        assertThat(header(deadLetters(1).get(0), CloudEventHeaders.DLQ_ERROR)).contains("ce_id");
    }

    @Test
    void splitsARejectedBatchAndDeadLettersOnlyTheEventThatKeepsFailingAfterBoundedAttempts() {
        AtomicInteger triesOfBad = new AtomicInteger();
        var records = List.of(event("one"), event("bad"), event("three"));

        consume(records, Function.identity(), (connection, batch) -> {
            if (batch.stream().anyMatch(d -> d.payload().equals("bad"))) {
                triesOfBad.incrementAndGet();
            }
            return insertEach().apply(connection, batch);
        });

        assertThat(applied()).containsExactlyInAnyOrder("one", "three");
        assertThat(triesOfBad.get()).as("the whole batch once, then the event alone 3 times").isEqualTo(4);
        var letter = deadLetters(1).get(0);
        assertThat(header(letter, CloudEventHeaders.DLQ_ERROR)).contains("failed 3 times").contains("23514");
        assertThat(new String(letter.value(), StandardCharsets.UTF_8)).isEqualTo("bad");
        assertThat(schema.count("select count(*) from processed_event where consumer = ?", name))
                .as("the dead letter's id is not claimed: a replay of the dead-letter topic applies it").isEqualTo(2);
        assertThat(registry.get(DeadLetters.METRIC).tag("consumer", name).counter().count()).isEqualTo(1.0);
    }

    @Test
    void exportsTheConsumersDeadLetterCountAtZeroFromItsFirstBatch() {
        consume(List.of(event("a")), Function.identity(), insertEach());

        assertThat(registry.find(DeadLetters.METRIC).tag("consumer", name).counter())
                .as("registered before any letter").isNotNull()
                .satisfies(counter -> assertThat(counter.count()).isZero());
    }

    @Test
    void retriesTransientFailuresUntilTheyPassWithoutDeadLettering() {
        AtomicInteger calls = new AtomicInteger();

        consume(List.of(event("a"), event("b")), Function.identity(), (connection, batch) ->
                calls.incrementAndGet() <= 4 ? raise(connection, calls.get() % 2 == 0 ? "40001" : "40P01")
                        : insertEach().apply(connection, batch));

        assertThat(calls.get()).isEqualTo(5);
        assertThat(applied()).containsExactlyInAnyOrder("a", "b");
        assertThat(deadLetters.count(name)).isZero();
    }

    @Test
    void retriesAConstraintViolationThatHealsInsteadOfDeadLetteringIt() {
        AtomicInteger calls = new AtomicInteger();

        consume(List.of(event("late parent")), Function.identity(), (connection, batch) ->
                calls.incrementAndGet() == 1 ? raise(connection, "23503") : insertEach().apply(connection, batch));

        assertThat(applied()).containsExactly("late parent");
        assertThat(deadLetters.count(name)).isZero();
    }

    @Test
    void appliesAnEventRedeliveredInALaterBatchOnce() {
        var first = event("once");

        consume(List.of(first), Function.identity(), insertEach());
        consume(List.of(first, event("next")), Function.identity(), insertEach());

        assertThat(applied()).containsExactlyInAnyOrder("once", "next");
    }

    @Test
    void keepsClaimsAsLongAsTheTopicKeepsItsMessages() {
        UUID dayLong = UUID.randomUUID();
        consume(List.of(Records.event(topic, dayLong, TYPE, "k", "day")), Function.identity(), insertEach());
        String forever = LocalKafka.newTopic("platform-consumer-forever", -1);
        UUID kept = UUID.randomUUID();
        consume(List.of(Records.event(forever, kept, TYPE, "k", "forever")), Function.identity(), insertEach());

        Timestamp until = (Timestamp) schema.rows("select retain_until from processed_event where event_id = ?", dayLong)
                .get(0).get("retain_until");
        assertThat(until.toInstant()).isBetween(Instant.now().plus(Duration.ofHours(23)),
                Instant.now().plus(Duration.ofHours(25)));
        assertThat(schema.rows("select retain_until from processed_event where event_id = ?", kept).get(0))
                .containsEntry("retain_until", null);
    }

    @Test
    void forgetsOnlyTheClaimsPastTheirTopicsRetention() {
        schema.execute("""
                insert into processed_event (consumer, event_id, processed_at, retain_until) values
                (?, gen_random_uuid(), now() - interval '8 days', now() - interval '1 day'),
                (?, gen_random_uuid(), now() - interval '400 days', null),
                (?, gen_random_uuid(), now() - interval '2 days', now() + interval '5 days')""", name, name, name);

        long forgotten = new ProcessedEventRetention(pool).forgetExpired().await().atMost(WAIT);

        assertThat(forgotten).isEqualTo(1);
        assertThat(schema.count("select count(*) from processed_event where consumer = ?", name)).isEqualTo(2);
    }

    @Test
    void appliesTheBatchInAConsumerSpanChildOfTheEventsCeTraceparentSoItsWritesContinueTheTrace() {
        var traced = event("traced");
        traced.headers().add(CloudEventHeaders.TRACEPARENT, CloudEventCodec.bytes("00-" + TRACE_ID + "-" + PRODUCER_SPAN_ID + "-01"));
        List<String> contextsInEffect = new CopyOnWriteArrayList<>();

        schema.onDuplicatedContext(() -> consumer.consume(List.of(traced, event("untraced")), name,
                event -> new String(event.data(), StandardCharsets.UTF_8), (connection, batch) -> {
                    contextsInEffect.add(TraceParent.current().traceparent());
                    return insertEach().apply(connection, batch);
                }), WAIT);

        assertThat(applied()).containsExactlyInAnyOrder("traced", "untraced");
        SpanData span = consumerSpan();
        assertThat(span.getTraceId()).isEqualTo(TRACE_ID);
        assertThat(span.getParentSpanId()).isEqualTo(PRODUCER_SPAN_ID);
        assertThat(span.getAttributes().get(AttributeKey.stringKey("messaging.destination.name"))).isEqualTo(topic);
        assertThat(contextsInEffect).as("an outbox row the effect writes carries the consumer span on")
                .containsExactly("00-" + TRACE_ID + "-" + span.getSpanId() + "-01");
    }

    @Test
    void ignoresAMalformedTraceparentAndAppliesTheEventInATraceOfItsOwn() {
        var odd = event("odd");
        odd.headers().add(CloudEventHeaders.TRACEPARENT, CloudEventCodec.bytes("00-zz-not-hex-01"));
        odd.headers().add(CloudEventHeaders.TRACESTATE, CloudEventCodec.bytes("=,=,="));

        consume(List.of(odd), Function.identity(), insertEach());

        assertThat(applied()).containsExactly("odd");
        assertThat(deadLetters.count(name)).isZero();
        assertThat(consumerSpan().getParentSpanContext().isValid()).isFalse();
    }

    private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
    private static final String PRODUCER_SPAN_ID = "b7ad6b7169203331";

    private SpanData consumerSpan() {
        return tracing.finished().stream()
                .filter(s -> s.getKind() == SpanKind.CONSUMER && s.getName().equals(name + " process"))
                .findFirst().orElseThrow();
    }

    private void consume(List<ConsumerRecord<String, byte[]>> records, Function<String, String> decode,
                         BiFunction<SqlConnection, List<IdempotentConsumer.Decoded<String>>, Uni<Void>> effect) {
        consumer.consume(records, name, event -> decode.apply(new String(event.data(), StandardCharsets.UTF_8)),
                effect).await().atMost(WAIT);
    }

    private ConsumerRecord<String, byte[]> event(String data) {
        return Records.event(topic, UUID.randomUUID(), TYPE, "key", data);
    }

    private static BiFunction<SqlConnection, List<IdempotentConsumer.Decoded<String>>, Uni<Void>> insertEach() {
        return (connection, batch) -> connection.preparedQuery("insert into effect_log select * from unnest($1::uuid[], $2::text[])")
                .execute(Tuple.of(batch.stream().map(d -> d.event().id()).toArray(UUID[]::new),
                        batch.stream().map(IdempotentConsumer.Decoded::payload).toArray(String[]::new)))
                .replaceWithVoid();
    }

    private static Uni<Void> raise(SqlConnection connection, String sqlState) {
        return connection.query("do $$ begin raise exception 'test failure' using errcode = '" + sqlState + "'; end $$")
                .execute().replaceWithVoid();
    }

    private List<String> applied() {
        return schema.rows("""
                select payload from effect_log e join processed_event p on p.event_id = e.event_id
                where p.consumer = ?""", name).stream().map(r -> (String) r.get("payload")).toList();
    }

    private List<ConsumerRecord<String, byte[]>> deadLetters(int expected) {
        var letters = LocalKafka.read(Topics.deadLetterOf(topic), Duration.ofSeconds(20), l -> l.size() >= expected);
        assertThat(letters).hasSize(expected);
        return letters;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        return CloudEventCodec.header(record.headers(), name);
    }

}
