package io.rotation.platform.testsupport;

import io.rotation.platform.event.CloudEventCodec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.TimestampType;

/** Consumer records as Kafka hands them over, built through the codec services publish with. */
public final class Records {

    private static final AtomicLong OFFSETS = new AtomicLong();

    private Records() {
    }

    public static ConsumerRecord<String, byte[]> event(String topic, UUID id, String type, String key, String data) {
        return of(CloudEventCodec.toRecord(topic, id, type, "/rotation/tests", Instant.now(), key,
                data.getBytes(StandardCharsets.UTF_8)));
    }

    public static ConsumerRecord<String, byte[]> of(ProducerRecord<String, byte[]> sent) {
        return new ConsumerRecord<>(sent.topic(), 0, OFFSETS.incrementAndGet(), System.currentTimeMillis(),
                TimestampType.CREATE_TIME, -1, -1, sent.key(), sent.value(), sent.headers(), Optional.empty());
    }
}
