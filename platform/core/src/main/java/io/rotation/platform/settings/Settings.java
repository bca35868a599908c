package io.rotation.platform.settings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rotation.contracts.Topics;
import io.rotation.platform.kafka.CompactedTopicState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The non-secret settings administered in config-service, as they apply to this service's environment
 * ({@code rotation.environment}, see {@link #profileEnvironment}: the active profile's override, else the
 * setting's value), in memory and
 * kept current from the compacted topic {@code rotation.config.settings.v1}. Service code asks with its own
 * configuration property as the fallback: {@code settings.number("matching.threshold.review", config.review())}
 * answers the property until an admin creates the setting, and again after it is deleted. A value that does
 * not read as the type asked for answers the fallback too (logged once per value).
 */
@ApplicationScoped
public class Settings extends CompactedTopicState<String, String> {

    private static final Logger LOG = Logger.getLogger(Settings.class);

    private final String environment;
    private volatile Map<String, String> values = Map.of();

    /** For CDI's client proxy only. */
    protected Settings() {
        this.environment = null;
    }

    @Inject
    public Settings(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                    @ConfigProperty(name = "rotation.environment", defaultValue = "production") String environment,
                    @ConfigProperty(name = "rotation.settings.topic", defaultValue = Topics.CONFIG_SETTINGS) String topic,
                    @ConfigProperty(name = "rotation.settings.enabled", defaultValue = "true") boolean enabled,
                    @ConfigProperty(name = "rotation.settings.initial-load-timeout", defaultValue = "10s") Duration initialLoad,
                    ObjectMapper json) {
        super("settings", bootstrapServers, topic, enabled, initialLoad, json);
        this.environment = profileEnvironment(environment);
    }

    /** The environment whose profile overrides apply here. */
    public String environment() {
        return environment;
    }

    /**
     * The config-profile environment (development, test, staging, production) of a {@code rotation.environment}:
     * a local set-up ({@code local}, {@code dev}) takes development's profile.
     */
    public static String profileEnvironment(String rotationEnvironment) {
        return switch (rotationEnvironment) {
            case "local", "dev" -> "development";
            default -> rotationEnvironment;
        };
    }

    /** The setting's text as it applies here, if it exists and is not secret. */
    public Optional<String> text(String key) {
        return Optional.ofNullable(values.get(key));
    }

    public String text(String key, String fallback) {
        return text(key).orElse(fallback);
    }

    public double number(String key, double fallback) {
        String value = values.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            return unreadable(key, value, fallback);
        }
    }

    /** A whole number (a number setting with a fraction or beyond the range of long answers the fallback). */
    public long whole(String key, long fallback) {
        String value = values.get(key);
        if (value == null) {
            return fallback;
        }
        try {
            return new java.math.BigDecimal(value).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            return unreadable(key, value, fallback);
        }
    }

    public boolean flag(String key, boolean fallback) {
        String value = values.get(key);
        if (value == null) {
            return fallback;
        }
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> unreadable(key, value, fallback);
        };
    }

    private static <T> T unreadable(String key, String value, T fallback) {
        LOG.warnf("setting %s = %s is not of the type asked for: %s applies", key, value, fallback);
        return fallback;
    }

    @Override
    protected String keyOf(String messageKey, JsonNode message) {
        return message == null ? messageKey : message.path("key").asText(messageKey);
    }

    /** What applies here: this environment's override, else the value; nothing for a deleted or secret setting. */
    @Override
    protected String entryOf(String key, JsonNode message) {
        if (message.path("deleted").asBoolean() || message.path("secret").asBoolean()) {
            return null;
        }
        JsonNode override = message.path("overrides").path(environment);
        if (override.isTextual()) {
            return override.asText();
        }
        JsonNode value = message.path("value");
        return value.isTextual() ? value.asText() : null;
    }

    @Override
    protected void publish(Map<String, String> entries) {
        values = entries;
    }
}
