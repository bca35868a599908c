package io.rotation.config.setting.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rotation.config.profile.model.ProfileRow;
import io.rotation.config.profile.repository.ProfileRepository;
import io.rotation.config.setting.model.SettingRow;
import io.rotation.config.setting.repository.SettingRepository;
import io.rotation.contracts.EventType;
import io.rotation.contracts.config.SettingChanged;
import io.rotation.platform.event.OutboundEvent;
import io.rotation.platform.outbox.Outbox;
import io.rotation.platform.settings.Settings;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * SettingChanged events: a setting's state with the overrides of every environment's active profile, on the
 * compacted settings topic (key = setting key), appended to the outbox in the transaction of the change and
 * applied to this service's own {@link Settings} once it committed. A secret setting travels without value.
 */
@ApplicationScoped
public class SettingEvents {

    private final SettingRepository settings;
    private final ProfileRepository profiles;
    private final Outbox outbox;
    private final Settings here;
    private final ObjectMapper json;

    public SettingEvents(SettingRepository settings, ProfileRepository profiles, Outbox outbox, Settings here,
                         ObjectMapper json) {
        this.settings = settings;
        this.profiles = profiles;
        this.outbox = outbox;
        this.here = here;
        this.json = json;
    }

    /** The state of one setting as the topic carries it. */
    public Uni<SettingChanged> of(SqlConnection c, SettingRow row) {
        return profiles.active(c).map(active -> changed(row, active));
    }

    /** The state of these settings (those whose overrides a profile change touched); unknown keys are skipped. */
    public Uni<List<SettingChanged>> ofKeys(SqlConnection c, Set<String> keys) {
        if (keys.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return profiles.active(c).chain(active -> settings.byKeys(c, keys).map(rows -> {
            List<SettingChanged> changes = new ArrayList<>();
            rows.forEach(row -> changes.add(changed(row, active)));
            return changes;
        }));
    }

    /** The state of every setting (at start). */
    public Uni<List<SettingChanged>> everySetting(SqlConnection c) {
        return profiles.active(c).chain(active -> settings.all(c).map(all -> {
            List<SettingChanged> changes = new ArrayList<>();
            all.forEach(row -> changes.add(changed(row, active)));
            return changes;
        }));
    }

    public static SettingChanged deleted(SettingRow row) {
        return new SettingChanged(row.key(), true, row.settingType().label(), null, row.secret(), Map.of(), Instant.now());
    }

    /** Appends the changes (and the audit entries that go with them) to the outbox. */
    public Uni<Void> append(SqlConnection c, List<SettingChanged> changes, List<OutboundEvent> audit) {
        List<OutboundEvent> events = new ArrayList<>();
        changes.forEach(s -> events.add(OutboundEvent.of(EventType.SETTING_CHANGED, s.key(), s)));
        events.addAll(audit);
        return events.isEmpty() ? Uni.createFrom().voidItem() : outbox.append(c, events);
    }

    /** Applies committed changes to this service's Settings at once (the others read them from the topic). */
    public void applyHere(List<SettingChanged> changes) {
        for (SettingChanged change : changes) {
            try {
                here.applyOwnWrite(change.key(), json.writeValueAsBytes(change));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static SettingChanged changed(SettingRow row, List<ProfileRow> active) {
        Map<String, String> overrides = new TreeMap<>();
        if (!row.secret()) {
            for (ProfileRow profile : active) {
                JsonNode value = profile.settings().get(row.key());
                if (value != null && SettingValues.problem(row.settingType(), value) == null) {
                    overrides.put(profile.environment(), SettingValues.text(row.settingType(), value));
                }
            }
        }
        return new SettingChanged(row.key(), false, row.settingType().label(), row.secret() ? null : row.value(),
                row.secret(), overrides, Instant.now());
    }
}
