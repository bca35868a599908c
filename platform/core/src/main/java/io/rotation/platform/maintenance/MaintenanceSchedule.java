package io.rotation.platform.maintenance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rotation.contracts.Topics;
import io.rotation.platform.kafka.CompactedTopicState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The maintenance windows this service must honour, in memory, kept current from the compacted topic
 * config-service writes (as {@link io.rotation.platform.flags.FlagStore} keeps the flags): a window
 * scheduled, changed or cancelled is known to every service within a poll, and a window starts and
 * ends by the clock, without any message at that moment.
 */
@ApplicationScoped
public class MaintenanceSchedule extends CompactedTopicState<Long, MaintenanceSchedule.Window> {

    private final String service;
    private volatile List<Window> windows = List.of();

    /** For CDI's client proxy only. */
    protected MaintenanceSchedule() {
        this.service = null;
    }

    @Inject
    public MaintenanceSchedule(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                               @ConfigProperty(name = "quarkus.application.name") String service,
                               @ConfigProperty(name = "rotation.maintenance.topic", defaultValue = Topics.CONFIG_MAINTENANCE) String topic,
                               @ConfigProperty(name = "rotation.maintenance.enabled", defaultValue = "true") boolean enabled,
                               @ConfigProperty(name = "rotation.maintenance.initial-load-timeout", defaultValue = "10s") Duration initialLoad,
                               ObjectMapper json) {
        super("maintenance windows", bootstrapServers, topic, enabled, initialLoad, json);
        this.service = service;
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

    @Override
    protected Long keyOf(String messageKey, JsonNode message) {
        return message == null ? Long.parseLong(messageKey) : message.path("id").asLong();
    }

    @Override
    protected Window entryOf(Long id, JsonNode m) {
        if (m.path("cancelled").asBoolean()) {
            return null;
        }
        List<String> services = new ArrayList<>();
        m.path("affected_services").forEach(s -> services.add(s.asText()));
        return new Window(id, m.path("title").asText(), m.path("message").asText(null),
                Instant.parse(m.path("starts_at").asText()), Instant.parse(m.path("ends_at").asText()),
                List.copyOf(services), m.path("read_only").asBoolean(true));
    }

    /** A window that has ended is of no further use. */
    @Override
    protected void prune(Map<Long, Window> entries) {
        Instant now = Instant.now();
        entries.values().removeIf(w -> w.endsAt().isBefore(now));
    }

    @Override
    protected void publish(Map<Long, Window> entries) {
        windows = List.copyOf(entries.values());
    }
}
