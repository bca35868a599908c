package io.rotation.platform.maintenance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.rotation.contracts.Topics;
import io.rotation.platform.kafka.CompactedTopicFollower;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The maintenance windows this service must honour, in memory, kept current from the compacted topic
 * config-service writes (as {@link io.rotation.platform.flags.FlagStore} keeps the flags): a window
 * scheduled, changed or cancelled is known to every service within a poll, and a window starts and
 * ends by the clock, without any message at that moment.
 */
@ApplicationScoped
public class MaintenanceSchedule {

    private static final Logger LOG = Logger.getLogger(MaintenanceSchedule.class);

    private final String service;
    private final boolean enabled;
    private final Duration initialLoad;
    private final ObjectMapper json;
    private final CompactedTopicFollower follower;
    private final Map<Long, Window> byId = new HashMap<>();
    private volatile List<Window> windows = List.of();

    public MaintenanceSchedule(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                               @ConfigProperty(name = "quarkus.application.name") String service,
                               @ConfigProperty(name = "rotation.maintenance.topic", defaultValue = Topics.CONFIG_MAINTENANCE) String topic,
                               @ConfigProperty(name = "rotation.maintenance.enabled", defaultValue = "true") boolean enabled,
                               @ConfigProperty(name = "rotation.maintenance.initial-load-timeout", defaultValue = "10s") Duration initialLoad,
                               ObjectMapper json) {
        this.service = service;
        this.enabled = enabled;
        this.initialLoad = initialLoad;
        this.json = json;
        this.follower = new CompactedTopicFollower(bootstrapServers, topic, this::apply);
    }

    /** The window in effect for this service at {@code now}: a full one before a read-only one, the longest first. */
    public Optional<Window> inEffect(Instant now) {
        List<Window> all = windows;
        if (all.isEmpty()) {
            return Optional.empty();
        }
        return all.stream().filter(w -> w.covers(service, now))
                .max(Comparator.comparing((Window w) -> !w.readOnly()).thenComparing(Window::endsAt));
    }

    /** A window as this service enforces it; no affected services means every service. */
    public record Window(long id, String title, String message, Instant startsAt, Instant endsAt,
                         List<String> affectedServices, boolean readOnly) {

        boolean covers(String service, Instant now) {
            return !now.isBefore(startsAt) && now.isBefore(endsAt)
                    && (affectedServices.isEmpty() || affectedServices.contains(service));
        }
    }

    void start(@Observes StartupEvent started) {
        if (enabled) {
            follower.start(initialLoad);
            LOG.infof("%d maintenance windows known", windows.size());
        }
    }

    void stop(@Observes ShutdownEvent stopping) {
        follower.stop();
    }

    /** Applies one message of the topic (the latest state of one window); config-service applies its own writes at once. */
    public synchronized void apply(String key, byte[] value) {
        try {
            JsonNode m = value == null ? null : json.readTree(value);
            long id = m == null ? Long.parseLong(key) : m.path("id").asLong();
            if (m == null || m.path("cancelled").asBoolean()) {
                byId.remove(id);
            } else {
                List<String> services = new ArrayList<>();
                m.path("affected_services").forEach(s -> services.add(s.asText()));
                byId.put(id, new Window(id, m.path("title").asText(), m.path("message").asText(null),
                        Instant.parse(m.path("starts_at").asText()), Instant.parse(m.path("ends_at").asText()),
                        List.copyOf(services), m.path("read_only").asBoolean(true)));
            }
            Instant now = Instant.now();
            byId.values().removeIf(w -> w.endsAt().isBefore(now));
            windows = List.copyOf(byId.values());
        } catch (IOException | RuntimeException e) {
            LOG.errorf("maintenance message %s skipped: %s", key, e.toString());
        }
    }
}
