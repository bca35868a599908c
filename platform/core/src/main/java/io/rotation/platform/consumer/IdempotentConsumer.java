package io.rotation.platform.consumer;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.rotation.contracts.EventType;
import io.rotation.platform.event.CloudEventCodec;
import io.rotation.platform.event.CloudEventHeaders;
import io.rotation.platform.event.InboundEvent;
import io.rotation.platform.event.PoisonEventException;
import io.rotation.platform.kafka.TopicRetention;
import io.rotation.platform.tracing.TraceParent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Applies a batch of CloudEvents exactly once: in one transaction it claims the event ids in
 * {@code processed_event} and applies the effect of the fresh ones; the batch is acknowledged to
 * Kafka only after that commit, so a crash redelivers and the claim filters what was done.
 * <p>
 * Nothing one record does can stop the consumer: a record that cannot be decoded or validated
 * (any exception) goes to the dead-letter topic at once. A failing effect is classified
 * ({@link Failures}): transient failures are retried with back-off until they pass, holding the
 * partition; a permanent failure splits the batch to apply its events one at a time, and an event
 * that still fails after a bounded number of attempts is dead-lettered with its error.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);

    private final Pool pool;
    private final ProcessedEvents processed;
    private final DeadLetters deadLetters;
    private final TopicRetention retention;
    private final int permanentAttempts;
    private final Duration backOff;
    private final Tracer tracer;

    @Inject
    public IdempotentConsumer(Pool pool, ProcessedEvents processed, DeadLetters deadLetters, TopicRetention retention,
                              @ConfigProperty(name = "rotation.consumer.permanent-failure-attempts",
                                      defaultValue = "3") int permanentAttempts,
                              @ConfigProperty(name = "rotation.consumer.retry-back-off",
                                      defaultValue = "200ms") Duration backOff,
                              Tracer tracer) {
        this.pool = pool;
        this.processed = processed;
        this.deadLetters = deadLetters;
        this.retention = retention;
        this.permanentAttempts = permanentAttempts;
        this.backOff = backOff;
        this.tracer = tracer;
    }

    /** An event with its decoded payload. */
    public record Decoded<T>(InboundEvent event, T payload) {
    }

    /**
     * @param consumer name under which ids are claimed (one per logical consumer, stable across versions)
     * @param decode   turns an event into its payload; any exception it throws dead-letters the record
     * @param effect   applies the fresh events on the transaction's connection; it runs in the batch's
     *                 consumer span (see {@link #consumerSpan}), so an outbox row it writes carries the trace on
     */
    public <T> Uni<Void> consume(Iterable<ConsumerRecord<String, byte[]>> records, String consumer,
                                 Function<InboundEvent, T> decode,
                                 BiFunction<SqlConnection, List<Decoded<T>>, Uni<Void>> effect) {
        return Uni.createFrom().deferred(() -> {
            Span span = consumerSpan(records, consumer);
            Context traced = Context.root().with(span);
            BiFunction<SqlConnection, List<Decoded<T>>, Uni<Void>> inSpan = (connection, batch) -> {
                try (Scope ignored = traced.makeCurrent()) {
                    return effect.apply(connection, batch);
                }
            };
            Uni<Void> work;
            try (Scope ignored = traced.makeCurrent()) {
                work = consumeBatch(records, consumer, decode, inSpan);
            }
            return work.onFailure().invoke(e -> {
                span.recordException(e);
                span.setStatus(StatusCode.ERROR);
            }).onTermination().invoke(span::end);
        });
    }

    /**
     * The batch's consumer span: a child of the first record's {@code ce_traceparent} (the producer's
     * span, so the trace goes on from the request that wrote the event), linked to the other records'
     * traces. Records without a valid trace context add nothing; with none at all the span starts a trace.
     */
    private Span consumerSpan(Iterable<ConsumerRecord<String, byte[]>> records, String consumer) {
        Set<SpanContext> parents = new LinkedHashSet<>();
        String topic = null;
        int count = 0;
        for (ConsumerRecord<String, byte[]> record : records) {
            topic = topic == null ? record.topic() : topic;
            count++;
            TraceParent trace = TraceParent.of(record.headers());
            if (trace.isValid()) {
                parents.add(trace.spanContext());
            }
        }
        SpanBuilder builder = tracer.spanBuilder(consumer + " process").setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.destination.name", String.valueOf(topic))
                .setAttribute("messaging.batch.message_count", (long) count)
                .setAttribute("rotation.consumer", consumer);
        Iterator<SpanContext> each = parents.iterator();
        builder.setParent(each.hasNext() ? Context.root().with(Span.wrap(each.next())) : Context.root());
        each.forEachRemaining(builder::addLink);
        return builder.startSpan();
    }

    private <T> Uni<Void> consumeBatch(Iterable<ConsumerRecord<String, byte[]>> records, String consumer,
                                       Function<InboundEvent, T> decode,
                                       BiFunction<SqlConnection, List<Decoded<T>>, Uni<Void>> effect) {
        deadLetters.declare(consumer);
        Map<UUID, Decoded<T>> events = new LinkedHashMap<>();
        Map<UUID, ConsumerRecord<String, byte[]>> sources = new LinkedHashMap<>();
        List<Uni<Void>> parked = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                InboundEvent event = CloudEventCodec.fromRecord(record);
                if (!events.containsKey(event.id())) {
                    events.put(event.id(), new Decoded<>(event, decode.apply(event)));
                    sources.put(event.id(), record);
                }
            } catch (Exception e) {
                parked.add(deadLetters.park(record, consumer, undecodable(e)));
            }
        }
        Uni<Void> parkAll = parked.isEmpty() ? Uni.createFrom().voidItem()
                : Uni.join().all(parked).andFailFast().replaceWithVoid();
        if (events.isEmpty()) {
            return parkAll;
        }
        List<Decoded<T>> batch = new ArrayList<>(events.values());
        // the retention lookup may answer on a Kafka client thread: the transaction and the effect go back to
        // the caller's Vert.x context, where Quarkus keeps the OpenTelemetry context the effect makes current
        io.vertx.core.Context caller = Vertx.currentContext();
        return parkAll.chain(() -> onContext(caller, retention.of(sources.values().iterator().next().topic())))
                .chain(kept -> {
                    Duration keep = kept.orElse(null);
                    return batch.size() == 1 ? applyOrPark(consumer, batch.get(0), sources, keep, effect)
                            : apply(consumer, batch, keep, effect)
                                    .onFailure(Failures::isPermanent)
                                    .recoverWithUni(e -> {
                                        LOG.infof("consumer %s: batch of %d rejected (%s), applying one by one",
                                                consumer, batch.size(), e.toString());
                                        return oneByOne(consumer, batch, sources, keep, effect);
                                    });
                });
    }

    /**
     * For a consumer of one event type on a topic that carries several (identity's users topic has
     * UserRegistered and UserErased): records of other types are acknowledged with the batch without
     * being decoded or claimed. A record without a {@code ce_type} still reaches the decoder, and so
     * the dead-letter topic.
     */
    public <T> Uni<Void> consume(ConsumerRecords<String, byte[]> records, String consumer, EventType only,
                                 Function<InboundEvent, T> decode,
                                 BiFunction<SqlConnection, List<Decoded<T>>, Uni<Void>> effect) {
        deadLetters.declare(consumer);
        List<ConsumerRecord<String, byte[]>> wanted = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            Header type = record.headers().lastHeader(CloudEventHeaders.TYPE);
            if (type == null || type.value() == null
                    || only.type().equals(new String(type.value(), StandardCharsets.UTF_8))) {
                wanted.add(record);
            }
        }
        return wanted.isEmpty() ? Uni.createFrom().voidItem() : consume(wanted, consumer, decode, effect);
    }

    /** A batch effect applying each event in turn: for rare events whose effect is a few statements each. */
    public static <T> BiFunction<SqlConnection, List<Decoded<T>>, Uni<Void>> eachInTurn(
            BiFunction<SqlConnection, Decoded<T>, Uni<Void>> effect) {
        return (connection, batch) -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Decoded<T> event : batch) {
                chain = chain.chain(() -> effect.apply(connection, event));
            }
            return chain;
        };
    }

    /** One transaction: claim, then the effect of the fresh events; transient failures retried until they pass. */
    private <T> Uni<Void> apply(String consumer, List<Decoded<T>> batch, Duration keep,
                                BiFunction<SqlConnection, List<Decoded<T>>, Uni<Void>> effect) {
        List<UUID> ids = batch.stream().map(d -> d.event().id()).toList();
        return pool.withTransaction(connection -> processed.claim(connection, consumer, ids, keep)
                        .chain(fresh -> fresh.isEmpty() ? Uni.createFrom().voidItem()
                                : effect.apply(connection, onlyFresh(batch, fresh))))
                .onFailure(Failures::isTransient)
                .invoke(e -> LOG.warnf("consumer %s: transient failure, retrying: %s", consumer, e.toString()))
                .onFailure(Failures::isTransient)
                .retry().withBackOff(backOff, Duration.ofSeconds(10)).indefinitely();
    }

    /** One event: a permanent failure is retried a few times (a constraint can heal), then dead-lettered. */
    private <T> Uni<Void> applyOrPark(String consumer, Decoded<T> single,
                                      Map<UUID, ConsumerRecord<String, byte[]>> sources, Duration keep,
                                      BiFunction<SqlConnection, List<Decoded<T>>, Uni<Void>> effect) {
        Uni<Void> attempts = permanentAttempts <= 1 ? apply(consumer, List.of(single), keep, effect)
                : apply(consumer, List.of(single), keep, effect)
                        .onFailure(Failures::isPermanent).retry()
                        .withBackOff(backOff, backOff.multipliedBy(10)).atMost(permanentAttempts - 1L);
        return attempts.onFailure().recoverWithUni(e -> deadLetters.park(sources.get(single.event().id()), consumer,
                "failed " + permanentAttempts + " times: " + describe(e)));
    }

    private <T> Uni<Void> oneByOne(String consumer, List<Decoded<T>> batch,
                                   Map<UUID, ConsumerRecord<String, byte[]>> sources, Duration keep,
                                   BiFunction<SqlConnection, List<Decoded<T>>, Uni<Void>> effect) {
        return Multi.createFrom().iterable(batch)
                .onItem().transformToUniAndConcatenate(single -> applyOrPark(consumer, single, sources, keep, effect))
                .collect().last().replaceWithVoid();
    }

    private static <T> Uni<T> onContext(io.vertx.core.Context context, Uni<T> uni) {
        return context == null ? uni : uni.emitOn(task -> context.runOnContext(ignored -> task.run()));
    }

    private static <T> List<Decoded<T>> onlyFresh(List<Decoded<T>> batch, Set<UUID> fresh) {
        return batch.stream().filter(d -> fresh.contains(d.event().id())).toList();
    }

    private static String undecodable(Exception e) {
        return e instanceof PoisonEventException ? e.getMessage() : "cannot decode: " + describe(e);
    }

    static String describe(Throwable e) {
        return e.getMessage() == null ? e.getClass().getName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
