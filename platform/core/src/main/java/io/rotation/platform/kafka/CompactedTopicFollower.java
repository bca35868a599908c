package io.rotation.platform.kafka;

import jakarta.enterprise.inject.spi.ObserverMethod;
import jakarta.interceptor.Interceptor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * Reads a compacted topic (the latest message per key is the state of that key) from the beginning
 * and then follows it, handing every message to a callback on one daemon thread. No consumer group:
 * every instance of every service sees every message. Used for configuration every service holds in
 * memory (feature flags, rate-limit rules).
 */
public final class CompactedTopicFollower {

    private static final Logger LOG = Logger.getLogger(CompactedTopicFollower.class);

    /** Start-up observer priority at which followers {@link #begin}: before the application's own observers. */
    public static final int STARTING = Interceptor.Priority.PLATFORM_BEFORE;
    /** Start-up observer priority at which they are awaited: after all began, before the application's observers. */
    public static final int CAUGHT_UP = ObserverMethod.DEFAULT_PRIORITY - 1;

    /**
     * How long an empty fetch and poll wait once caught up. The broker answers a fetch as soon as a message
     * arrives, so this delays nothing; it bounds how often an idle follower asks (every service follows five).
     */
    static final Duration IDLE_WAIT = Duration.ofSeconds(5);

    private final String bootstrapServers;
    private final String topic;
    private final BiConsumer<String, byte[]> onMessage;
    private final CountDownLatch caughtUp = new CountDownLatch(1);
    private volatile boolean running = true;
    private boolean started;
    private volatile KafkaConsumer<String, byte[]> consumer;

    public CompactedTopicFollower(String bootstrapServers, String topic, BiConsumer<String, byte[]> onMessage) {
        this.bootstrapServers = bootstrapServers;
        this.topic = topic;
        this.onMessage = onMessage;
    }

    /** Starts following; waits until the existing messages are read, at most {@code initialLoad}. */
    public void start(Duration initialLoad) {
        begin();
        awaitCaughtUp(initialLoad);
    }

    /**
     * Starts following on a thread of its own and returns at once, so that a service reads all its topics at
     * the same time ({@link #STARTING}, then {@link #CAUGHT_UP}). A second call does nothing.
     */
    public synchronized void begin() {
        if (started) {
            return;
        }
        started = true;
        Thread follower = new Thread(() -> {
            ensureCompacted();
            follow();
        }, "follow-" + topic);
        follower.setDaemon(true);
        follower.start();
    }

    /** Waits until the messages that were on the topic when it began are read, at most {@code initialLoad}. */
    public void awaitCaughtUp(Duration initialLoad) {
        try {
            if (!caughtUp.await(initialLoad.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warnf("%s not read to its end within %s: starting with what arrived, the rest follows", topic, initialLoad);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public void stop() {
        running = false;
        KafkaConsumer<String, byte[]> c = consumer;
        if (c != null) {
            c.wakeup();
        }
    }

    private void follow() {
        while (running) {
            try {
                followOnce();
            } catch (WakeupException stopping) {
                return;
            } catch (Exception e) {
                LOG.warnf("lost %s, reading it again in 1s: %s", topic, e.toString());
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private void followOnce() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, (int) IDLE_WAIT.toMillis());
        config.putAll(KafkaSecurity.settings());
        try (KafkaConsumer<String, byte[]> c = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer = c;
            List<TopicPartition> partitions = new ArrayList<>();
            c.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            if (partitions.isEmpty()) {
                throw new IllegalStateException("topic " + topic + " has no partitions yet");
            }
            c.assign(partitions);
            c.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = c.endOffsets(partitions);
            while (running) {
                Duration wait = caughtUp.getCount() > 0 ? Duration.ofMillis(200) : IDLE_WAIT;
                for (ConsumerRecord<String, byte[]> r : c.poll(wait)) {
                    try {
                        onMessage.accept(r.key(), r.value());
                    } catch (RuntimeException e) {
                        LOG.errorf("message %s of %s skipped: %s", r.key(), topic, e.toString());
                    }
                }
                if (caughtUp.getCount() > 0 && end.entrySet().stream().allMatch(e -> c.position(e.getKey()) >= e.getValue())) {
                    caughtUp.countDown();
                }
            }
        }
    }

    /** Brokers that create topics on first use give them the default policy: this one must be compacted. */
    private void ensureCompacted() {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        // the admin client refuses an API timeout shorter than its request timeout (30 s by default)
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        config.putAll(KafkaSecurity.settings());
        try (Admin admin = Admin.create(config)) {
            try {
                admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1)
                        .configs(Map.of("cleanup.policy", "compact", "min.compaction.lag.ms", "0"))))
                        .all().get(10, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
                ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
                admin.incrementalAlterConfigs(Map.of(resource, List.of(new AlterConfigOp(
                        new ConfigEntry("cleanup.policy", "compact"), AlterConfigOp.OpType.SET))))
                        .all().get(10, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            LOG.warnf("could not make %s a compacted topic: %s", topic, e.toString());
        }
    }
}
