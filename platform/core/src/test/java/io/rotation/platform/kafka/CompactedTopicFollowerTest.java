package io.rotation.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.rotation.platform.testsupport.LocalKafka;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;

/** The follower's topic is compacted against the real local Kafka, whoever created it first. */
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
