package io.rotation.platform.kafka;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The security settings of a deployment's Kafka (SASL, TLS), for the Kafka clients platform builds
 * itself: the outbox producer, the admin client, the compacted-topic followers and the dead-letter
 * replay. The messaging connector's consumers take the same {@code kafka.*} properties on their own
 * (env {@code KAFKA_SECURITY_PROTOCOL}, {@code KAFKA_SASL_MECHANISM}, {@code KAFKA_SASL_JAAS_CONFIG}:
 * Kubernetes sets them from rotation-config and the service's KafkaUser Secret). None set: plaintext,
 * as the local broker.
 */
public final class KafkaSecurity {

    static final List<String> SETTINGS = List.of("security.protocol", "sasl.mechanism", "sasl.jaas.config",
            "ssl.truststore.location", "ssl.truststore.password", "ssl.truststore.type",
            "ssl.endpoint.identification.algorithm");

    private KafkaSecurity() {
    }

    /**
     * The settings the configuration names ({@code kafka.<setting>}), as Kafka client properties; outside
     * a running service (a plain test, a command-line tool) from the environment alone.
     */
    public static Map<String, Object> settings() {
        Config config;
        try {
            config = ConfigProvider.getConfig();
        } catch (RuntimeException | ServiceConfigurationError noConfiguration) {
            return fromEnvironment();
        }
        return settings(name -> config.getOptionalValue("kafka." + name, String.class));
    }

    /** The settings from {@code KAFKA_SECURITY_PROTOCOL}, {@code KAFKA_SASL_MECHANISM}, {@code KAFKA_SASL_JAAS_CONFIG}, … */
    public static Map<String, Object> fromEnvironment() {
        return settings(name -> Optional.ofNullable(System.getenv("KAFKA_" + name.toUpperCase(Locale.ROOT).replace('.', '_'))));
    }

    static Map<String, Object> settings(Function<String, Optional<String>> lookup) {
        Map<String, Object> settings = new HashMap<>();
        for (String name : SETTINGS) {
            lookup.apply(name).filter(value -> !value.isBlank()).ifPresent(value -> settings.put(name, value));
        }
        return settings;
    }
}
