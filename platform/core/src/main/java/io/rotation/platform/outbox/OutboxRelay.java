package io.rotation.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.rotation.platform.event.CloudEventCodec;
import io.rotation.platform.tracing.TraceParent;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.RetriableException;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox rows to Kafka, oldest first, and deletes each row Kafka acknowledged
 * (acks=all). One relay per schema publishes at a time: the leader holds a session-level advisory
 * lock on a connection of its own, and reads and deletes in short autocommit statements, so no
 * transaction stays open while it waits for Kafka. A row Kafka refuses while it takes others
 * (too large, unknown topic, denied) counts an attempt and is parked after
 * {@link OutboxConfig#maxAttempts()} with its error, so it stalls nothing; failures of every row at
 * once mean Kafka is away and count nothing. The loop survives interrupts and errors; liveness
 * fails if it stops coming round. A crash between acknowledgement and delete re-sends those
 * events: consumers are idempotent on {@code ce_id}. docs/adr/0003-outbox-relay.md says which order holds.
 * <p>
 * Each send is a producer span, child of the trace context the row was written in; the record carries
 * that span's context as {@code ce_traceparent} (or the row's own when tracing is off here).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String LOCK_KEY = "hashtext(current_schema() || '.outbox_relay')";
    private static final String NEXT = """
            select id, event_id, topic, event_type, message_key, payload::text, occurred_at, attempts,
                   traceparent, tracestate
            from outbox_event where parked_at is null order by id limit $1""";
    private static final String DELETE = "delete from outbox_event where id = any($1)";
    private static final String FAILED = """
            update outbox_event o set attempts = o.attempts + 1, last_error = f.error,
                   parked_at = case when o.attempts + 1 >= $3 then now() end
            from unnest($1::bigint[], $2::text[]) as f(id, error)
            where o.id = f.id
            returning o.id, o.event_id, o.topic, o.parked_at is not null as parked""";
    private static final String BACKLOG = """
            select extract(epoch from now() - (select created_at from outbox_event where parked_at is null
                                               order by id limit 1))::float8 as oldest_age,
                   (select count(*) from outbox_event where parked_at is not null) as parked,
                   (select count(*) from outbox_event where parked_at is null) as unpublished""";
    private static final Duration DB_TIMEOUT = Duration.ofSeconds(30);
    private static final long ACK_TIMEOUT_MS = 45_000;

    private final Pool pool;
    private final Producer<String, byte[]> producer;
    private final OutboxConfig config;
    private final Tracer tracer;
    private final Counter relayed;
    private final Counter parkedTotal;
    private final AtomicLong oldestAgeMillis = new AtomicLong();
    private final AtomicLong parkedRows = new AtomicLong();
    private final AtomicLong unpublishedRows = new AtomicLong();
    private volatile boolean running;
    private volatile Thread worker;
    private volatile SqlConnection leader;
    private volatile Instant lastTurn = Instant.now();
    private volatile Instant lastBacklogCheck = Instant.EPOCH;

    public OutboxRelay(Pool pool, Producer<String, byte[]> producer, OutboxConfig config, MeterRegistry registry,
                       Tracer tracer) {
        this.pool = pool;
        this.producer = producer;
        this.config = config;
        this.tracer = tracer;
        this.relayed = Counter.builder("rotation.outbox.relayed").description("events published from the outbox")
                .register(registry);
        this.parkedTotal = Counter.builder("rotation.outbox.parked").description(
                "outbox rows parked after Kafka refused them maxAttempts times").register(registry);
        Gauge.builder("rotation.outbox.oldest.unpublished.age.seconds", oldestAgeMillis, ms -> ms.get() / 1000.0)
                .description("age of the oldest outbox row not yet published (parked rows excluded)")
                .register(registry);
        Gauge.builder("rotation.outbox.parked.rows", parkedRows, AtomicLong::get)
                .description("outbox rows parked and waiting for an operator").register(registry);
        Gauge.builder("rotation.outbox.unpublished.rows", unpublishedRows, AtomicLong::get)
                .description("outbox rows waiting to be published (the backlog; parked rows excluded)")
                .register(registry);
    }

    void onStart(@Observes StartupEvent event) {
        if (config.relayEnabled()) {
            start();
        }
    }

    void onStop(@Observes ShutdownEvent event) throws InterruptedException {
        stop();
    }

    synchronized void start() {
        running = true;
        lastTurn = Instant.now();
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop() throws InterruptedException {
        running = false;
        Thread current = worker;
        if (current != null) {
            current.interrupt();
            current.join(TimeUnit.SECONDS.toMillis(10));
        }
        resign();
    }

    /** Restarts a relay whose thread ended after all (an Error thrown while handling another). */
    @Scheduled(every = "15s", delayed = "15s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    synchronized void watchdog() {
        if (running && (worker == null || !worker.isAlive())) {
            LOG.error("outbox relay thread ended; restarting it");
            start();
        }
    }

    /** Whether the loop came round within the liveness timeout. */
    public boolean isAlive() {
        return !config.relayEnabled() || (worker != null && worker.isAlive()
                && lastTurn.isAfter(Instant.now().minus(config.livenessTimeout())));
    }

    public Instant lastTurn() {
        return lastTurn;
    }

    public boolean isLeader() {
        return leader != null;
    }

    private void run() {
        long backOffMs = 100;
        while (running) {
            try {
                int published = relayOnce();
                backOffMs = 100;
                lastTurn = Instant.now();
                if (published < config.batchSize()) {
                    Thread.sleep((isLeader() ? config.pollInterval() : config.followerPollInterval()).toMillis());
                }
            } catch (InterruptedException e) {
                if (running) {
                    LOG.warn("outbox relay interrupted; carrying on");
                }
            } catch (Throwable e) {
                lastTurn = Instant.now();
                if (running) {
                    LOG.warnf("outbox relay failed, retrying in %d ms: %s", backOffMs, e.toString());
                    sleepQuietly(backOffMs);
                    backOffMs = Math.min(backOffMs * 2, 10_000);
                }
            }
        }
    }

    /** Publishes one batch if this replica leads; returns how many events Kafka acknowledged. */
    int relayOnce() throws InterruptedException {
        measureBacklog();
        SqlConnection connection = leadership();
        if (connection == null) {
            return 0;
        }
        RowSet<Row> rows;
        try {
            rows = connection.preparedQuery(NEXT).execute(Tuple.of(config.batchSize())).await().atMost(DB_TIMEOUT);
        } catch (RuntimeException e) {
            resign();
            throw e;
        }
        if (rows.size() == 0) {
            return 0;
        }
        List<Long> ids = new ArrayList<>(rows.size());
        List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
        for (Row row : rows) {
            ids.add(row.getLong("id"));
            acks.add(send(row));
        }
        List<Long> acknowledged = new ArrayList<>();
        List<Long> failedIds = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        boolean onlyRetriable = true;
        long deadline = System.currentTimeMillis() + ACK_TIMEOUT_MS;
        for (int i = 0; i < ids.size(); i++) {
            try {
                acks.get(i).get(Math.max(1, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
                acknowledged.add(ids.get(i));
            } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
                Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
                onlyRetriable &= cause instanceof RetriableException || cause instanceof java.util.concurrent.TimeoutException;
                failedIds.add(ids.get(i));
                errors.add(cause.toString());
            }
        }
        try {
            if (!acknowledged.isEmpty()) {
                connection.preparedQuery(DELETE).execute(Tuple.of(acknowledged.toArray(Long[]::new)))
                        .await().atMost(DB_TIMEOUT);
                relayed.increment(acknowledged.size());
            }
            // every row failing with a retriable error means Kafka is away, not that the rows are bad
            if (!failedIds.isEmpty() && (!acknowledged.isEmpty() || !onlyRetriable)) {
                countFailures(connection, failedIds, errors);
            }
        } catch (RuntimeException e) {
            resign();
            throw e;
        }
        if (!failedIds.isEmpty()) {
            throw new IllegalStateException(failedIds.size() + " of " + ids.size()
                    + " outbox events not acknowledged, first: " + errors.get(0));
        }
        return acknowledged.size();
    }

    private Future<RecordMetadata> send(Row row) {
        Span span = null;
        try {
            String topic = row.getString("topic");
            ProducerRecord<String, byte[]> record = CloudEventCodec.toRecord(topic, row.getUUID("event_id"),
                    row.getString("event_type"), config.source(), row.getOffsetDateTime("occurred_at").toInstant(),
                    row.getString("message_key"), row.getString("payload").getBytes(StandardCharsets.UTF_8));
            TraceParent written = new TraceParent(row.getString("traceparent"), row.getString("tracestate"));
            Context parent = written.context();
            span = tracer.spanBuilder(topic + " publish").setSpanKind(SpanKind.PRODUCER).setParent(parent)
                    .setAttribute("messaging.system", "kafka")
                    .setAttribute("messaging.operation.type", "send")
                    .setAttribute("messaging.destination.name", topic)
                    .setAttribute("messaging.message.id", row.getUUID("event_id").toString())
                    .startSpan();
            TraceParent sent = span.getSpanContext().isValid() ? TraceParent.of(parent.with(span)) : written;
            sent.addTo(record.headers());
            Span sending = span;
            return producer.send(record, (metadata, error) -> {
                if (error != null) {
                    sending.recordException(error);
                    sending.setStatus(StatusCode.ERROR);
                }
                sending.end();
            });
        } catch (RuntimeException e) {
            if (span != null) {
                span.recordException(e);
                span.setStatus(StatusCode.ERROR);
                span.end();
            }
            return CompletableFuture.failedFuture(e);
        }
    }

    private void countFailures(SqlConnection connection, List<Long> ids, List<String> errors) {
        RowSet<Row> counted = connection.preparedQuery(FAILED)
                .execute(Tuple.of(ids.toArray(Long[]::new), errors.toArray(String[]::new), config.maxAttempts()))
                .await().atMost(DB_TIMEOUT);
        for (Row row : counted) {
            if (row.getBoolean("parked")) {
                parkedTotal.increment();
                LOG.errorf("outbox event %s for %s parked after %d attempts; clear outbox_event.parked_at (id %d) "
                        + "to publish it again", row.getUUID("event_id"), row.getString("topic"),
                        config.maxAttempts(), row.getLong("id"));
            }
        }
    }

    /** The leader's connection, holding the schema's relay lock; null while another replica leads. */
    private SqlConnection leadership() {
        if (leader != null) {
            return leader;
        }
        SqlConnection connection = pool.getConnection().await().atMost(DB_TIMEOUT);
        boolean won;
        try {
            won = connection.query("select pg_try_advisory_lock(" + LOCK_KEY + ")").execute().await()
                    .atMost(DB_TIMEOUT).iterator().next().getBoolean(0);
        } catch (RuntimeException e) {
            connection.close().await().atMost(DB_TIMEOUT);
            throw e;
        }
        if (!won) {
            connection.close().await().atMost(DB_TIMEOUT);
            return null;
        }
        LOG.info("outbox relay: this replica leads");
        leader = connection;
        return connection;
    }

    /** Gives the lock back (a pooled connection outlives this use) and the connection to the pool. */
    private void resign() {
        SqlConnection connection = leader;
        leader = null;
        if (connection == null) {
            return;
        }
        try {
            connection.query("select pg_advisory_unlock(" + LOCK_KEY + ")").execute().await()
                    .atMost(Duration.ofSeconds(5));
        } catch (RuntimeException e) {
            LOG.debugf("relay lock not released explicitly (%s): it ends with the session", e.toString());
        } finally {
            try {
                connection.close().await().atMost(Duration.ofSeconds(5));
            } catch (RuntimeException e) {
                LOG.debugf("closing the relay connection failed: %s", e.toString());
            }
        }
    }

    /** Every replica exports the backlog gauges, at most every few seconds. */
    private void measureBacklog() {
        if (lastBacklogCheck.isAfter(Instant.now().minusSeconds(5))) {
            return;
        }
        lastBacklogCheck = Instant.now();
        Row row = pool.query(BACKLOG).execute().await().atMost(DB_TIMEOUT).iterator().next();
        Double age = row.getDouble("oldest_age");
        oldestAgeMillis.set(age == null ? 0 : (long) (age * 1000));
        parkedRows.set(row.getLong("parked"));
        unpublishedRows.set(row.getLong("unpublished"));
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            // the loop checks running; an interrupt only cuts the pause short
        }
    }
}
