package io.rotation.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.rotation.platform.testsupport.LocalKafka;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

/** The follower against the real local Kafka: its topic compacted whoever created it first, its start split in two. */
class CompactedTopicFollowerTest {

    @Test
    void createsItsTopicCompacted() throws Exception {
        String topic = "platform-compacted-test-" + UUID.randomUUID();

        follow(topic);

        assertThat(cleanupPolicyOf(topic)).isEqualTo("compact");
    }

    @Test
    void compactsATopicThatWasCreatedWithTheDeletePolicy() throws Exception {
        String topic = LocalKafka.newTopic("platform-compacted-test", 86_400_000L);
        assertThat(cleanupPolicyOf(topic)).isEqualTo("delete");

        follow(topic);

        assertThat(cleanupPolicyOf(topic)).isEqualTo("compact");
    }

    @Test
    void followersBegunTogetherHaveEachReadTheirTopicWhenAwaited() throws Exception {
        String first = LocalKafka.newTopic("platform-compacted-test", 86_400_000L);
        String second = LocalKafka.newTopic("platform-compacted-test", 86_400_000L);
        try (Producer<String, byte[]> producer = LocalKafka.producer()) {
            for (int i = 0; i < 50; i++) {
                producer.send(new ProducerRecord<>(first, "k" + i, ("first " + i).getBytes(StandardCharsets.UTF_8)));
                producer.send(new ProducerRecord<>(second, "k" + i, ("second " + i).getBytes(StandardCharsets.UTF_8)));
            }
            producer.flush();
        }
        Map<String, String> readFirst = new ConcurrentHashMap<>();
        Map<String, String> readSecond = new ConcurrentHashMap<>();
        CompactedTopicFollower one = new CompactedTopicFollower(LocalKafka.BOOTSTRAP, first,
                (key, value) -> readFirst.put(key, new String(value, StandardCharsets.UTF_8)));
        CompactedTopicFollower two = new CompactedTopicFollower(LocalKafka.BOOTSTRAP, second,
                (key, value) -> readSecond.put(key, new String(value, StandardCharsets.UTF_8)));
        try {
            one.begin();
            two.begin();
            one.awaitCaughtUp(Duration.ofSeconds(10));
            two.awaitCaughtUp(Duration.ofSeconds(10));

            assertThat(readFirst).hasSize(50).containsEntry("k49", "first 49");
            assertThat(readSecond).hasSize(50).containsEntry("k0", "second 0");
        } finally {
            one.stop();
            two.stop();
        }
    }

    private static void follow(String topic) {
        CompactedTopicFollower follower = new CompactedTopicFollower(LocalKafka.BOOTSTRAP, topic, (key, value) -> { });
        try {
            follower.start(Duration.ofSeconds(10));
        } finally {
            follower.stop();
        }
    }

    private static String cleanupPolicyOf(String topic) throws Exception {
        ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", LocalKafka.BOOTSTRAP))) {
            return admin.describeConfigs(List.of(resource)).all().get().get(resource).get("cleanup.policy").value();
        }
    }
}
