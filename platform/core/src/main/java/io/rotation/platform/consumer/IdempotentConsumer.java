package io.rotation.platform.consumer;

import io.rotation.contracts.EventType;
import io.rotation.platform.event.CloudEventCodec;
import io.rotation.platform.event.CloudEventHeaders;
import io.rotation.platform.event.InboundEvent;
import io.rotation.platform.event.PoisonEventException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.header.Header;
import org.jboss.logging.Logger;

/**
 * Applies a batch of CloudEvents exactly once: in one transaction it claims the event ids in
 * {@code processed_event} and applies the effect of the fresh ones; the batch is acknowledged to
 * Kafka only after that commit, so a crash redelivers and the claim filters what was done.
 * Poison messages (bad envelope, bad payload, data the database rejects) go to the dead-letter
 * topic; transient failures (database down) are retried until they pass, holding the partition.
 */
@ApplicationScoped
public class IdempotentConsumer {

    private static final Logger LOG = Logger.getLogger(IdempotentConsumer.class);

    private final Pool pool;
    private final ProcessedEvents processed;
    private final DeadLetters deadLetters;

    public IdempotentConsumer(Pool pool, ProcessedEvents processed, DeadLetters deadLetters) {
        this.pool = pool;
        this.processed = processed;
        this.deadLetters = deadLetters;
    }

    /** An event with its decoded payload. */
    public record Decoded<T>(InboundEvent event, T payload) {
    }

    /**
     * @param consumer name under which ids are claimed (one per logical consumer, stable across versions)
     * @param decode   turns an event into its payload; throws {@link PoisonEventException} when it cannot
     * @param effect   applies the fresh events on the transaction's connection
     */
    public <T> Uni<Void> consume(Iterable<ConsumerRecord<String, byte[]>> records, String consumer,
                                 Function<InboundEvent, T> decode,
                                 BiFunction<SqlConnection, List<Decoded<T>>, Uni<Void>> effect) {
        Map<UUID, Decoded<T>> events = new LinkedHashMap<>();
        Map<UUID, ConsumerRecord<String, byte[]>> sources = new LinkedHashMap<>();
        List<Uni<Void>> parked = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                InboundEvent event = CloudEventCodec.fromRecord(record);
                events.putIfAbsent(event.id(), new Decoded<>(event, decode.apply(event)));
                sources.putIfAbsent(event.id(), record);
            } catch (PoisonEventException e) {
                parked.add(deadLetters.park(record, consumer, e.getMessage()));
            }
        }
        Uni<Void> parkAll = parked.isEmpty() ? Uni.createFrom().voidItem()
                : Uni.join().all(parked).andFailFast().replaceWithVoid();
        if (events.isEmpty()) {
            return parkAll;
        }
        List<Decoded<T>> batch = new ArrayList<>(events.values());
        return parkAll.chain(() -> apply(consumer, batch, effect))
                .onFailure(IdempotentConsumer::isDataError)
                .recoverWithUni(e -> oneByOne(consumer, batch, sources, effect));
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
        List<ConsumerRecord<String, byte[]>> wanted = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            Header type = record.headers().lastHeader(CloudEventHeaders.TYPE);
            if (type == null || only.type().equals(new String(type.value(), StandardCharsets.UTF_8))) {
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

    private <T> Uni<Void> apply(String consumer, List<Decoded<T>> batch,
                                BiFunction<SqlConnection, List<Decoded<T>>, Uni<Void>> effect) {
        List<UUID> ids = batch.stream().map(d -> d.event().id()).toList();
        return pool.withTransaction(connection -> processed.claim(connection, consumer, ids)
                        .chain(fresh -> fresh.isEmpty() ? Uni.createFrom().voidItem()
                                : effect.apply(connection, onlyFresh(batch, fresh))))
                .onFailure(e -> !isDataError(e))
                .invoke(e -> LOG.warnf("consumer %s: transient failure, retrying: %s", consumer, e.toString()))
                .onFailure(e -> !isDataError(e))
                .retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(10)).indefinitely();
    }

    /** A batch the database rejected: apply its events one at a time to find and park the bad ones. */
    private <T> Uni<Void> oneByOne(String consumer, List<Decoded<T>> batch,
                                   Map<UUID, ConsumerRecord<String, byte[]>> sources,
                                   BiFunction<SqlConnection, List<Decoded<T>>, Uni<Void>> effect) {
        return Multi.createFrom().iterable(batch)
                .onItem().transformToUniAndConcatenate(single -> apply(consumer, List.of(single), effect)
                        .onFailure(IdempotentConsumer::isDataError)
                        .recoverWithUni(e -> deadLetters.park(sources.get(single.event().id()), consumer,
                                "rejected by the database: " + e.getMessage())))
                .collect().last().replaceWithVoid();
    }

    private static <T> List<Decoded<T>> onlyFresh(List<Decoded<T>> batch, Set<UUID> fresh) {
        return batch.stream().filter(d -> fresh.contains(d.event().id())).toList();
    }

    /** SQLSTATE class 22 (data exception) or 23 (integrity violation): retrying cannot help. */
    static boolean isDataError(Throwable e) {
        return e instanceof PgException pg && pg.getSqlState() != null
                && (pg.getSqlState().startsWith("22") || pg.getSqlState().startsWith("23"));
    }
}
