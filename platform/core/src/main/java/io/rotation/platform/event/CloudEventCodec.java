package io.rotation.platform.event;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/** Reads and writes CloudEvents in Kafka's binary mode. */
public final class CloudEventCodec {

    private CloudEventCodec() {
    }

    public static ProducerRecord<String, byte[]> toRecord(String topic, UUID id, String type, String source,
                                                         Instant time, String key, byte[] data) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, data);
        Headers headers = record.headers();
        headers.add(CloudEventHeaders.SPEC_VERSION, bytes(CloudEventHeaders.SPEC_VERSION_VALUE));
        headers.add(CloudEventHeaders.ID, bytes(id.toString()));
        headers.add(CloudEventHeaders.TYPE, bytes(type));
        headers.add(CloudEventHeaders.SOURCE, bytes(source));
        headers.add(CloudEventHeaders.TIME, bytes(time.toString()));
        headers.add(CloudEventHeaders.SUBJECT, bytes(key));
        headers.add(CloudEventHeaders.CONTENT_TYPE, bytes(CloudEventHeaders.JSON));
        return record;
    }

    /** @throws PoisonEventException when the envelope is missing or malformed */
    public static InboundEvent fromRecord(ConsumerRecord<?, byte[]> record) {
        Headers headers = record.headers();
        String id = header(headers, CloudEventHeaders.ID);
        String type = header(headers, CloudEventHeaders.TYPE);
        if (id == null || type == null) {
            throw new PoisonEventException("not a CloudEvent: ce_id and ce_type headers are required");
        }
        if (record.value() == null) {
            throw new PoisonEventException("event " + id + " has no data");
        }
        try {
            String time = header(headers, CloudEventHeaders.TIME);
            return new InboundEvent(UUID.fromString(id), type, header(headers, CloudEventHeaders.SOURCE),
                    time == null ? Instant.ofEpochMilli(record.timestamp()) : Instant.parse(time),
                    record.key() == null ? null : record.key().toString(), record.value());
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw new PoisonEventException("malformed CloudEvent attributes: " + e.getMessage(), e);
        }
    }

    public static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
