package io.rotation.platform.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.rotation.contracts.EventType;
import io.rotation.platform.event.CloudEventCodec;
import io.rotation.platform.json.RotationObjectMapper;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;

/** Publishes CloudEvents the way a producing service would, or broken ones, to drive a consumer. */
public final class TestEvents implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;

    public TestEvents() {
        producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    }

    /** Sends {@code payload} as event {@code id} of {@code type} and waits for Kafka's acknowledgement. */
    public void send(String topic, UUID id, EventType type, String key, Record payload) {
        try {
            send(CloudEventCodec.toRecord(topic, id, type.type(), "/rotation/tests", Instant.now(), key,
                    RotationObjectMapper.create().writeValueAsBytes(payload)));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public void send(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        producer.close();
    }
}
