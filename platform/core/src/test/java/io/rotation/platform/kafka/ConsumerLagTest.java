package io.rotation.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.rotation.platform.testsupport.LocalKafka;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** Consumer lag against the real local Kafka: a fresh topic with five messages. */
class ConsumerLagTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    @Test
    void lagIsWhatTheGroupHasNotCommittedAndEverythingForAGroupThatNeverCommitted() throws Exception {
        String topic = LocalKafka.newTopic("platform-lag-test", 86_400_000L);
        try (Producer<String, byte[]> producer = LocalKafka.producer()) {
            for (int i = 0; i < 5; i++) {
                producer.send(new ProducerRecord<>(topic, "k", new byte[] {1})).get();
            }
        }
        String reading = "lag-test-" + UUID.randomUUID();
        String idle = "lag-test-" + UUID.randomUUID();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", LocalKafka.BOOTSTRAP))) {
            admin.alterConsumerGroupOffsets(reading, Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(2)))
                    .all().get();
        }
        KafkaAdmin kafka = new KafkaAdmin(LocalKafka.BOOTSTRAP);
        ConsumerLag lag = new ConsumerLag(kafka, registry, Map.of(reading, Set.of(topic), idle, Set.of(topic)));

        try {
            lag.measure();
        } finally {
            kafka.close(null);
        }

        assertThat(lagOf(reading, topic)).isEqualTo(3.0);
        assertThat(lagOf(idle, topic)).isEqualTo(5.0);
    }

    private double lagOf(String group, String topic) {
        return registry.get(ConsumerLag.METRIC).tag("group", group).tag("topic", topic).gauge().value();
    }
}
