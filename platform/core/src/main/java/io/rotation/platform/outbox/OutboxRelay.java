package io.rotation.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.rotation.platform.event.CloudEventCodec;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.jboss.logging.Logger;

/**
 * Publishes committed outbox rows to Kafka, oldest first, and deletes them once Kafka has
 * acknowledged them (acks=all). One relay per schema works at a time (a transaction-level
 * advisory lock), so per-key order is kept across replicas. A crash between the acknowledgement
 * and the delete re-sends those events: consumers are idempotent on {@code ce_id}.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final String LOCK = "select pg_try_advisory_xact_lock(hashtext(current_schema() || '.outbox_relay'))";
    private static final String NEXT = """
            select id, event_id, topic, event_type, message_key, payload::text, occurred_at
            from outbox_event order by id limit $1""";
    private static final String DELETE = "delete from outbox_event where id = any($1)";

    private final Pool pool;
    private final Producer<String, byte[]> producer;
    private final OutboxConfig config;
    private final Counter relayed;
    private volatile boolean running;
    private Thread worker;

    public OutboxRelay(Pool pool, Producer<String, byte[]> producer, OutboxConfig config, MeterRegistry registry) {
        this.pool = pool;
        this.producer = producer;
        this.config = config;
        this.relayed = Counter.builder("rotation.outbox.relayed").description("events published from the outbox")
                .register(registry);
    }

    void start(@Observes StartupEvent event) {
        if (!config.relayEnabled()) {
            return;
        }
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (worker != null) {
            worker.join(TimeUnit.SECONDS.toMillis(5));
        }
    }

    private void run() {
        long backoffMs = 100;
        while (running) {
            try {
                int published = relayOnce();
                backoffMs = 100;
                if (published < config.batchSize()) {
                    Thread.sleep(config.pollInterval().toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                if (running) {
                    LOG.warnf("outbox relay failed, retrying in %d ms: %s", backoffMs, e.toString());
                    sleepQuietly(backoffMs);
                    backoffMs = Math.min(backoffMs * 2, 10_000);
                }
            }
        }
    }

    /** Publishes one batch; returns how many events were published. */
    int relayOnce() throws InterruptedException, java.util.concurrent.ExecutionException,
            java.util.concurrent.TimeoutException {
        SqlConnection connection = pool.getConnectionAndAwait();
        try {
            Transaction tx = connection.beginAndAwait();
            boolean leader = connection.query(LOCK).executeAndAwait().iterator().next().getBoolean(0);
            if (!leader) {
                tx.rollbackAndAwait();
                return 0;
            }
            RowSet<Row> rows = connection.preparedQuery(NEXT).executeAndAwait(Tuple.of(config.batchSize()));
            if (rows.size() == 0) {
                tx.rollbackAndAwait();
                return 0;
            }
            List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
            Long[] ids = new Long[rows.size()];
            int i = 0;
            for (Row row : rows) {
                ids[i++] = row.getLong("id");
                acks.add(producer.send(CloudEventCodec.toRecord(row.getString("topic"), row.getUUID("event_id"),
                        row.getString("event_type"), config.source(),
                        row.getOffsetDateTime("occurred_at").toInstant(), row.getString("message_key"),
                        row.getString("payload").getBytes(StandardCharsets.UTF_8))));
            }
            producer.flush();
            for (Future<RecordMetadata> ack : acks) {
                ack.get(30, TimeUnit.SECONDS);
            }
            connection.preparedQuery(DELETE).executeAndAwait(Tuple.of(ids));
            tx.commitAndAwait();
            relayed.increment(ids.length);
            return ids.length;
        } finally {
            connection.closeAndAwait();
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
