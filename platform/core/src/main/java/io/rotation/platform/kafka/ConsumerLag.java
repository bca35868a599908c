package io.rotation.platform.kafka;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * How far each consumer group of this service is behind its topics ({@code rotation_kafka_consumer_lag}
 * per group and topic: end offsets minus the group's committed offsets, summed over partitions; a
 * partition the group never committed counts from its earliest offset). Asked of the broker every 30 s,
 * so it is the same figure on every replica and does not depend on which replica holds which partition.
 */
@ApplicationScoped
public class ConsumerLag {

    public static final String METRIC = "rotation.kafka.consumer.lag";

    private static final Logger LOG = Logger.getLogger(ConsumerLag.class);
    private static final Pattern GROUP_ID = Pattern.compile("^mp\\.messaging\\.incoming\\.(.+)\\.group\\.id$");
    private static final long TIMEOUT_S = 10;

    private final KafkaAdmin kafka;
    private final MeterRegistry registry;
    private final Map<String, Set<String>> topicsByGroup;
    private final Map<String, AtomicLong> lags = new ConcurrentHashMap<>();

    @Inject
    public ConsumerLag(KafkaAdmin kafka, MeterRegistry registry, Config config) {
        this(kafka, registry, groupsOf(config));
    }

    ConsumerLag(KafkaAdmin kafka, MeterRegistry registry, Map<String, Set<String>> topicsByGroup) {
        this.kafka = kafka;
        this.registry = registry;
        this.topicsByGroup = topicsByGroup;
    }

    /** The incoming channels' groups and their topics, from the messaging configuration. */
    static Map<String, Set<String>> groupsOf(Config config) {
        Map<String, Set<String>> groups = new TreeMap<>();
        for (String name : config.getPropertyNames()) {
            Matcher m = GROUP_ID.matcher(name);
            if (m.matches()) {
                String channel = m.group(1);
                config.getOptionalValue(name, String.class).ifPresent(group -> config
                        .getOptionalValue("mp.messaging.incoming." + channel + ".topic", String.class)
                        .ifPresent(topic -> groups.computeIfAbsent(group, g -> new TreeSet<>()).add(topic)));
            }
        }
        return groups;
    }

    @Scheduled(every = "30s", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void measureOnSchedule() {
        try {
            measure();
        } catch (Exception e) {
            LOG.debugf("consumer lag not measured: %s", e.toString());
        }
    }

    /** Asks the broker once and updates the gauges. */
    void measure() throws Exception {
        if (topicsByGroup.isEmpty()) {
            return;
        }
        Admin admin = kafka.admin();
        Set<String> topics = new TreeSet<>();
        topicsByGroup.values().forEach(topics::addAll);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        for (Map.Entry<String, KafkaFuture<TopicDescription>> described : admin.describeTopics(topics).topicNameValues().entrySet()) {
            TopicDescription topic;
            try {
                topic = described.getValue().get(TIMEOUT_S, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                LOG.debugf("no lag for %s: %s", described.getKey(), e.getCause().toString());
                continue; // a topic not created yet has no lag to report; the others still do
            }
            topic.partitions().forEach(p -> {
                TopicPartition tp = new TopicPartition(topic.name(), p.partition());
                latest.put(tp, OffsetSpec.latest());
                earliest.put(tp, OffsetSpec.earliest());
            });
        }
        Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get(TIMEOUT_S, TimeUnit.SECONDS);
        Map<TopicPartition, ListOffsetsResultInfo> starts = admin.listOffsets(earliest).all().get(TIMEOUT_S, TimeUnit.SECONDS);
        for (Map.Entry<String, Set<String>> group : topicsByGroup.entrySet()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.getKey())
                    .partitionsToOffsetAndMetadata().get(TIMEOUT_S, TimeUnit.SECONDS);
            for (String topic : group.getValue()) {
                if (ends.keySet().stream().noneMatch(tp -> tp.topic().equals(topic))) {
                    continue;
                }
                long lag = 0;
                for (Map.Entry<TopicPartition, ListOffsetsResultInfo> end : ends.entrySet()) {
                    if (end.getKey().topic().equals(topic)) {
                        OffsetAndMetadata position = committed.get(end.getKey());
                        long from = position != null ? position.offset() : starts.get(end.getKey()).offset();
                        lag += Math.max(0, end.getValue().offset() - from);
                    }
                }
                gauge(group.getKey(), topic).set(lag);
            }
        }
    }

    private AtomicLong gauge(String group, String topic) {
        return lags.computeIfAbsent(group + "\u0000" + topic, key -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder(METRIC, value, AtomicLong::get)
                    .description("messages of the topic the consumer group has not committed yet")
                    .tag("group", group).tag("topic", topic).register(registry);
            return value;
        });
    }
}
