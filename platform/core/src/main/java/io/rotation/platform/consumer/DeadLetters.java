package io.rotation.platform.consumer;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.rotation.contracts.Topics;
import io.rotation.platform.event.CloudEventHeaders;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.jboss.logging.Logger;

/**
 * Parks a message that can never be processed on {@code <topic>.dlq}, with the reason and the
 * consumer, so consumers move on; counts it in {@code rotation_dead_letters_total{consumer}}. A
 * dead letter Kafka does not take is retried until it does: the original is acknowledged only then.
 */
@ApplicationScoped
public class DeadLetters {

    /** The Prometheus counter {@code rotation_dead_letters_total}. */
    public static final String METRIC = "rotation.dead.letters";

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);

    private final Producer<String, byte[]> producer;
    private final MeterRegistry registry;

    public DeadLetters(Producer<String, byte[]> producer, MeterRegistry registry) {
        this.producer = producer;
        this.registry = registry;
    }

    /** Completes once Kafka has the dead letter, so the original may then be acknowledged. */
    public Uni<Void> park(ConsumerRecord<String, byte[]> record, String consumer, String reason) {
        LOG.warnf("dead-lettering %s-%d@%d for %s: %s", record.topic(), record.partition(), record.offset(),
                consumer, reason);
        ProducerRecord<String, byte[]> letter = new ProducerRecord<>(Topics.deadLetterOf(record.topic()), null,
                record.key(), record.value(), record.headers());
        letter.headers().remove(CloudEventHeaders.DLQ_ERROR).remove(CloudEventHeaders.DLQ_CONSUMER);
        letter.headers().add(CloudEventHeaders.DLQ_ERROR, reason.getBytes(StandardCharsets.UTF_8));
        letter.headers().add(CloudEventHeaders.DLQ_CONSUMER, consumer.getBytes(StandardCharsets.UTF_8));
        return Uni.createFrom().<Void>emitter(emitter -> producer.send(letter, (metadata, error) -> {
                    if (error != null) {
                        emitter.fail(error);
                    } else {
                        emitter.complete(null);
                    }
                }))
                .onFailure().invoke(e -> LOG.warnf("dead letter for %s not taken, retrying: %s", consumer, e.toString()))
                .onFailure().retry().withBackOff(Duration.ofMillis(500), Duration.ofSeconds(30)).indefinitely()
                .invoke(() -> counter(consumer).increment());
    }

    /**
     * Exports the consumer's count at 0 before its first letter, so that rates and alerts over it have a
     * series to work on from the start (a counter that appears only with its first increment hides that one).
     */
    public void declare(String consumer) {
        counter(consumer);
    }

    /** The dead letters counted so far for {@code consumer}. */
    public double count(String consumer) {
        return counter(consumer).count();
    }

    private Counter counter(String consumer) {
        return Counter.builder(METRIC).description("messages a consumer gave up on and sent to a dead-letter topic")
                .tag("consumer", consumer).register(registry);
    }
}
