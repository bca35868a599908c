package io.rotation.platform.consumer;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.rotation.contracts.Topics;
import io.rotation.platform.event.CloudEventCodec;
import io.rotation.platform.event.CloudEventHeaders;
import io.rotation.platform.testsupport.LocalKafka;
import io.rotation.platform.testsupport.Records;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.producer.Producer;
import org.junit.jupiter.api.Test;

class DeadLetterReplayTest {

    @Test
    void sendsAConsumersLettersBackToTheirTopicOnceWithTheirIdsAndWithoutTheDeadLetterHeaders() throws Exception {
        String topic = LocalKafka.newTopic("platform-replay-test", 86_400_000L);
        UUID mine = UUID.randomUUID();
        UUID theirs = UUID.randomUUID();
        try (Producer<String, byte[]> producer = LocalKafka.producer()) {
            DeadLetters deadLetters = new DeadLetters(producer, new SimpleMeterRegistry());
            deadLetters.park(Records.event(topic, mine, "io.rotation.test.v1", "k1", "{\"a\":1}"), "analytics.plays",
                    "failed 3 times: bug").await().atMost(Duration.ofSeconds(30));
            deadLetters.park(Records.event(topic, theirs, "io.rotation.test.v1", "k2", "{\"a\":2}"), "catalog.stores",
                    "bad").await().atMost(Duration.ofSeconds(30));
        }
        DeadLetterReplay replay = new DeadLetterReplay(LocalKafka.BOOTSTRAP);

        assertThat(replay.replay(Topics.deadLetterOf(topic), "analytics.plays", true))
                .as("a dry run sends nothing").isEqualTo(new DeadLetterReplay.Result(0, 2));
        assertThat(replay.replay(Topics.deadLetterOf(topic), "analytics.plays", false))
                .isEqualTo(new DeadLetterReplay.Result(1, 1));
        assertThat(replay.replay(Topics.deadLetterOf(topic), "analytics.plays", false))
                .as("a second run finds nothing new").isEqualTo(new DeadLetterReplay.Result(0, 0));

        var back = LocalKafka.read(topic, Duration.ofSeconds(5), l -> l.size() > 1);
        assertThat(back).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo("k1");
            assertThat(new String(record.value())).isEqualTo("{\"a\":1}");
            assertThat(CloudEventCodec.fromRecord(record).id()).isEqualTo(mine);
            assertThat(record.headers().lastHeader(CloudEventHeaders.DLQ_ERROR)).isNull();
            assertThat(record.headers().lastHeader(CloudEventHeaders.DLQ_CONSUMER)).isNull();
            assertThat(CloudEventCodec.header(record.headers(), DeadLetterReplay.REPLAYED_FROM))
                    .startsWith(Topics.deadLetterOf(topic));
        });
    }
}
