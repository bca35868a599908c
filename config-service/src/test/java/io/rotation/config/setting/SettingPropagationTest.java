package io.rotation.config.setting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rotation.contracts.Topics;
import io.rotation.platform.cache.CacheRules;
import io.rotation.platform.settings.Settings;
import io.rotation.platform.testing.RotationStack;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * What another service sees: platform's Settings and CacheRules follow their compacted topics, so a message
 * written there (as config-service's outbox relay writes it) is applied within a second.
 */
@QuarkusTest
@WithTestResource(RotationStack.class)
class SettingPropagationTest {

    @Inject
    Settings settings;

    @Inject
    CacheRules cacheRules;

    @Test
    void aSettingOnTheTopicIsReadWithThisEnvironmentsOverrideWithinASecond() throws Exception {
        String key = SettingApiTest.key("followed");
        // this run's environment: "test" under Maven alone, "development" under ./rotation (ROTATION_ENVIRONMENT=local)
        String here = settings.environment();
        String elsewhere = "production".equals(here) ? "staging" : "production";
        try (KafkaProducer<String, byte[]> producer = producer()) {
            send(producer, Topics.CONFIG_SETTINGS, key, "{\"key\": \"" + key + "\", \"deleted\": false, \"setting_type\": "
                    + "\"number\", \"value\": \"0.7\", \"secret\": false, \"overrides\": {\"" + here + "\": \"0.9\", "
                    + "\"" + elsewhere + "\": \"0.1\"}}");
            await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20))
                    .until(() -> settings.number(key, 0) == 0.9);
            send(producer, Topics.CONFIG_SETTINGS, key, null);
            await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20))
                    .until(() -> settings.text(key).isEmpty());
        }
    }

    @Test
    void aCacheRuleOnTheTopicAppliesWithinASecond() throws Exception {
        long id = Long.MAX_VALUE - Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000);
        String prefix = "test:" + UUID.randomUUID() + ":";
        try (KafkaProducer<String, byte[]> producer = producer()) {
            send(producer, Topics.CONFIG_CACHE_RULES, String.valueOf(id), "{\"id\": " + id + ", \"deleted\": false, "
                    + "\"key_pattern\": \"" + prefix + "*\", \"ttl_seconds\": 33, \"max_entries\": null, \"enabled\": true}");
            await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20))
                    .until(() -> cacheRules.ttl(prefix + "1", Duration.ZERO).equals(Duration.ofSeconds(33)));
            send(producer, Topics.CONFIG_CACHE_RULES, String.valueOf(id), null);
            await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(20))
                    .until(() -> cacheRules.ruleFor(prefix + "1").isEmpty());
        }
    }

    private static void send(KafkaProducer<String, byte[]> producer, String topic, String key, String json) throws Exception {
        producer.send(new ProducerRecord<>(topic, key, json == null ? null : json.getBytes(StandardCharsets.UTF_8))).get();
    }

    private static KafkaProducer<String, byte[]> producer() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }
}
