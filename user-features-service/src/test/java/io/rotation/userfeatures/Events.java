package io.rotation.userfeatures;

import com.fasterxml.jackson.databind.JsonNode;
import io.rotation.contracts.EventType;
import io.rotation.platform.event.CloudEventCodec;
import io.rotation.platform.event.CloudEventHeaders;
import io.rotation.platform.json.RotationObjectMapper;
import io.rotation.platform.testing.KafkaTail;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;

/** Reading what the service announced, and the per-run topics its consumers read. */
public final class Events {

    private Events() {
    }

    public static KafkaTail tail(String topic) {
        return new KafkaTail(bootstrap(), topic);
    }

    public static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    /** The topic a consumer channel reads in this test run. */
    public static String channelTopic(String channel) {
        return ConfigProvider.getConfig().getValue("mp.messaging.incoming." + channel + ".topic", String.class);
    }

    public static JsonNode data(ConsumerRecord<String, byte[]> record) {
        try {
            return RotationObjectMapper.create().readTree(record.value());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String type(ConsumerRecord<String, byte[]> record) {
        return CloudEventCodec.header(record.headers(), CloudEventHeaders.TYPE);
    }

    /** Events of {@code type} keyed {@code key}. */
    public static Predicate<ConsumerRecord<String, byte[]>> of(EventType type, Object key) {
        return r -> String.valueOf(key).equals(r.key()) && type.type().equals(type(r));
    }
}
