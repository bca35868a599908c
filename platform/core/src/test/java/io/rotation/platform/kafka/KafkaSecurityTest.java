package io.rotation.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class KafkaSecurityTest {

    @Test
    void passesTheSecuritySettingsTheConfigurationNamesAndNothingElse() {
        Map<String, String> config = Map.of("kafka.security.protocol", "SASL_PLAINTEXT",
                "kafka.sasl.mechanism", "SCRAM-SHA-512", "kafka.sasl.jaas.config", "ScramLoginModule required;",
                "kafka.ssl.truststore.password", " ", "kafka.bootstrap.servers", "broker:9092");

        Map<String, Object> settings = KafkaSecurity.settings(name -> Optional.ofNullable(config.get("kafka." + name)));

        assertThat(settings).containsOnly(Map.entry("security.protocol", "SASL_PLAINTEXT"),
                Map.entry("sasl.mechanism", "SCRAM-SHA-512"), Map.entry("sasl.jaas.config", "ScramLoginModule required;"));
    }

    @Test
    void isEmptyForThePlaintextLocalBroker() {
        assertThat(KafkaSecurity.settings(name -> Optional.empty())).isEmpty();
    }
}
