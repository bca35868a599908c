package io.rotation.platform.consumer;

import io.rotation.contracts.Topics;
import io.rotation.platform.event.CloudEventCodec;
import io.rotation.platform.event.CloudEventHeaders;
import io.rotation.platform.kafka.KafkaSecurity;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends the letters of a dead-letter topic back to their topic once the cause is fixed
 * ({@code ./rotation dlq replay <topic>.dlq [--consumer name] [--dry-run]}). Each letter keeps its
 * key, data and CloudEvents id (its id was never claimed: the consumer gave up before its
 * transaction committed), loses the dead-letter headers and gains {@code rotation_replayed_from}.
 * Every consumer group of the topic sees it again; those that applied the event before skip it by
 * its claimed id. Progress is committed under the group {@code rotation-dlq-replay}, so a letter is
 * replayed once and a second run picks up only new letters; letters of other consumers (with
 * {@code --consumer}) are passed over for good.
 */
public final class DeadLetterReplay {

    public static final String GROUP = "rotation-dlq-replay";
    public static final String REPLAYED_FROM = "rotation_replayed_from";

    private final String bootstrapServers;

    public DeadLetterReplay(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** What a run did: letters sent back, and letters passed over (another consumer's, or a dry run). */
    public record Result(int replayed, int skipped) {
    }

    /**
     * Replays the letters present when the run starts.
     *
     * @param consumer only letters this consumer gave up on; null: all
     * @param dryRun   list them, send and commit nothing
     */
    public Result replay(String deadLetterTopic, String consumer, boolean dryRun)
            throws InterruptedException, ExecutionException, TimeoutException {
        if (!deadLetterTopic.endsWith(Topics.DEAD_LETTER_SUFFIX)) {
            throw new IllegalArgumentException(deadLetterTopic + " is not a dead-letter topic (*"
                    + Topics.DEAD_LETTER_SUFFIX + ")");
        }
        String topic = deadLetterTopic.substring(0, deadLetterTopic.length() - Topics.DEAD_LETTER_SUFFIX.length());
        try (KafkaConsumer<String, byte[]> letters = consumer();
             KafkaProducer<String, byte[]> producer = producer()) {
            List<TopicPartition> partitions = letters.partitionsFor(deadLetterTopic, Duration.ofSeconds(10)).stream()
                    .map(p -> new TopicPartition(deadLetterTopic, p.partition())).toList();
            letters.assign(partitions);
            Map<TopicPartition, Long> end = letters.endOffsets(partitions, Duration.ofSeconds(10));
            int replayed = 0;
            int skipped = 0;
            while (partitions.stream().anyMatch(p -> letters.position(p, Duration.ofSeconds(10)) < end.get(p))) {
                List<Future<RecordMetadata>> acks = new ArrayList<>();
                Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
                for (ConsumerRecord<String, byte[]> letter : letters.poll(Duration.ofSeconds(1))) {
                    TopicPartition partition = new TopicPartition(letter.topic(), letter.partition());
                    if (letter.offset() >= end.get(partition)) {
                        continue;
                    }
                    String by = CloudEventCodec.header(letter.headers(), CloudEventHeaders.DLQ_CONSUMER);
                    if (dryRun || (consumer != null && !consumer.equals(by))) {
                        skipped++;
                        System.out.printf("%s %s-%d@%d %s (%s): %s%n", dryRun ? "would replay" : "passed over",
                                letter.topic(), letter.partition(), letter.offset(),
                                CloudEventCodec.header(letter.headers(), CloudEventHeaders.ID), by,
                                CloudEventCodec.header(letter.headers(), CloudEventHeaders.DLQ_ERROR));
                    } else {
                        acks.add(producer.send(backToTopic(topic, letter)));
                        replayed++;
                    }
                    done.put(partition, new OffsetAndMetadata(letter.offset() + 1));
                }
                for (Future<RecordMetadata> ack : acks) {
                    ack.get(30, TimeUnit.SECONDS);
                }
                if (!dryRun && !done.isEmpty()) {
                    letters.commitSync(done);
                }
            }
            return new Result(replayed, skipped);
        }
    }

    static ProducerRecord<String, byte[]> backToTopic(String topic, ConsumerRecord<String, byte[]> letter) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, null, letter.key(), letter.value(),
                letter.headers());
        record.headers().remove(CloudEventHeaders.DLQ_ERROR).remove(CloudEventHeaders.DLQ_CONSUMER)
                .remove(REPLAYED_FROM)
                .add(REPLAYED_FROM, (letter.topic() + "-" + letter.partition() + "@" + letter.offset()).getBytes());
        return record;
    }

    private KafkaConsumer<String, byte[]> consumer() {
        Map<String, Object> config = new HashMap<>(KafkaSecurity.fromEnvironment());
        config.putAll(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, GROUP, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"));
        return new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    }

    private KafkaProducer<String, byte[]> producer() {
        Map<String, Object> config = new HashMap<>(KafkaSecurity.fromEnvironment());
        config.putAll(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true));
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }

    /** {@code DeadLetterReplay <topic>.dlq [--consumer name] [--dry-run] [--bootstrap host:port]} */
    public static void main(String[] args) throws Exception {
        String topic = null;
        String consumer = null;
        boolean dryRun = false;
        String bootstrap = System.getenv().getOrDefault("ROTATION_KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--consumer" -> consumer = args[++i];
                case "--dry-run" -> dryRun = true;
                case "--bootstrap" -> bootstrap = args[++i];
                default -> topic = args[i];
            }
        }
        if (topic == null) {
            System.err.println("usage: dlq replay <topic>.dlq [--consumer name] [--dry-run] [--bootstrap host:port]");
            System.exit(2);
        }
        Result result = new DeadLetterReplay(bootstrap).replay(topic, consumer, dryRun);
        System.out.printf("%s: %d replayed, %d passed over%n", topic, result.replayed(), result.skipped());
    }
}
