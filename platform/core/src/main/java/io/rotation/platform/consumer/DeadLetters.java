package io.rotation.platform.consumer;

import io.rotation.contracts.Topics;
import io.rotation.platform.event.CloudEventHeaders;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;

/** Parks a message that can never be processed on {@code <topic>.dlq}, with the reason, so consumers move on. */
@ApplicationScoped
public class DeadLetters {

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final Producer<String, byte[]> producer;

    public DeadLetters(Producer<String, byte[]> producer) {
        this.producer = producer;
    }

    /** Completes once Kafka has the dead letter, so the original may then be acknowledged. */
    public Uni<Void> park(ConsumerRecord<String, byte[]> record, String consumer, String reason) {
        LOG.warnf("dead-lettering %s-%d@%d for %s: %s", record.topic(), record.partition(), record.offset(),
                consumer, reason);
        ProducerRecord<String, byte[]> letter = new ProducerRecord<>(Topics.deadLetterOf(record.topic()), null,
                record.key(), record.value(), record.headers());
        letter.headers().add(CloudEventHeaders.DLQ_ERROR, reason.getBytes(StandardCharsets.UTF_8));
        letter.headers().add(CloudEventHeaders.DLQ_CONSUMER, consumer.getBytes(StandardCharsets.UTF_8));
        return Uni.createFrom().emitter(emitter -> producer.send(letter, (metadata, error) -> {
            if (error != null) {
                emitter.fail(error);
            } else {
                emitter.complete(null);
            }
        }));
    }
}
