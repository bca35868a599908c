package io.rotation.config.setting.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import io.rotation.config.profile.model.Environments;
import io.rotation.config.profile.model.ProfileRow;
import io.rotation.config.profile.repository.ProfileRepository;
import io.rotation.config.setting.model.EffectiveSettings;
import io.rotation.config.setting.model.SettingInput;
import io.rotation.config.setting.model.SettingRow;
import io.rotation.config.setting.model.SettingType;
import io.rotation.config.setting.model.SettingView;
import io.rotation.config.setting.repository.SettingRepository;
import io.rotation.contracts.config.SettingChanged;
import io.rotation.platform.audit.AuditActor;
import io.rotation.platform.audit.AuditEntries;
import io.rotation.platform.paging.Page;
import io.rotation.platform.paging.PageRequest;
import io.rotation.platform.problem.ProblemException;
import io.rotation.platform.problem.UniqueViolation;
import io.rotation.platform.settings.Settings;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Typed settings administration. A change, its SettingChanged event (compacted topic, key = setting key) and
 * its audit entry commit in one transaction. Secret values are sealed by {@link SecretBox} before they are
 * stored and masked in every answer and audit entry. At start every setting is published again.
 */
@ApplicationScoped
public class SettingService {

    private static final Logger LOG = Logger.getLogger(SettingService.class);

    private final Pool pool;
    private final SettingRepository settings;
    private final ProfileRepository profiles;
    private final SettingEvents events;
    private final SecretBox secrets;
    private final ObjectMapper json;
    private final String environment;

    public SettingService(Pool pool, SettingRepository settings, ProfileRepository profiles, SettingEvents events,
                          SecretBox secrets, ObjectMapper json,
                          @ConfigProperty(name = "rotation.environment", defaultValue = "production") String environment) {
        this.pool = pool;
        this.settings = settings;
        this.profiles = profiles;
        this.events = events;
        this.secrets = secrets;
        this.json = json;
        this.environment = Settings.profileEnvironment(environment);
    }

    public Uni<Page<SettingView>> list(PageRequest page) {
        String after = page.first() ? null : page.afterPart(0, s -> s);
        return settings.list(after, page.limit() + 1)
                .map(rows -> page.page(rows.stream().map(this::view).toList(), s -> List.of(s.key())));
    }

    public Uni<SettingView> get(String key) {
        return settings.find(key).map(found -> view(require(found, key)));
    }

    public Uni<SettingView> create(AuditActor actor, SettingInput in) {
        SettingType type = SettingValidation.validNew(in);
        boolean secret = Boolean.TRUE.equals(in.secret());
        String text = SettingValues.text(type, in.value());
        SettingRow row = new SettingRow(0, in.key(), secret ? secrets.seal(in.key(), text) : text, type,
                SettingValidation.present(in.defaultValue()) ? SettingValues.text(type, in.defaultValue()) : null,
                in.description(), in.category() == null ? "general" : in.category(), Boolean.TRUE.equals(in.isPublic()),
                secret, Boolean.TRUE.equals(in.readonly()), actor.userId(), null, null);
        return pool.withTransaction(c -> settings.insert(c, row).chain(saved -> events.of(c, saved)
                        .call(change -> events.append(c, List.of(change),
                                List.of(AuditEntries.entry(actor, "setting_created", "setting", saved.key(), null, audited(saved)))))
                        .map(change -> new Saved(saved, change))))
                .onFailure(UniqueViolation::is).transform(e -> ProblemException.conflict("setting " + in.key() + " exists"))
                .map(this::committed);
    }

    public Uni<SettingView> change(AuditActor actor, String key, SettingInput in) {
        return pool.withTransaction(c -> settings.findForUpdate(c, key).chain(found -> {
            SettingRow old = require(found, key);
            if (old.readonly() && !Boolean.FALSE.equals(in.readonly())) {
                throw ProblemException.conflict("setting " + key + " is read-only: send readonly false with the change");
            }
            SettingValidation.validChange(old, in);
            SettingRow changed = changed(old, in, actor.userId());
            return settings.update(c, changed).chain(saved -> events.of(c, saved)
                    .call(change -> events.append(c, List.of(change),
                            List.of(AuditEntries.entry(actor, "setting_changed", "setting", key, audited(old), audited(saved)))))
                    .map(change -> new Saved(saved, change)));
        })).map(this::committed);
    }

    public Uni<Void> delete(AuditActor actor, String key) {
        return pool.withTransaction(c -> settings.findForUpdate(c, key).chain(found -> {
            SettingRow old = require(found, key);
            if (old.readonly()) {
                throw ProblemException.conflict("setting " + key + " is read-only: make it writable first");
            }
            SettingChanged gone = SettingEvents.deleted(old);
            return settings.delete(c, key).call(() -> events.append(c, List.of(gone),
                            List.of(AuditEntries.entry(actor, "setting_deleted", "setting", key, audited(old), null))))
                    .replaceWith(gone);
        })).invoke(gone -> events.applyHere(List.of(gone))).replaceWithVoid();
    }

    /** The public settings as they apply to this service's environment: what a client app reads before sign-in. */
    public Uni<Map<String, JsonNode>> publicValues() {
        return profiles.activeFor(environment).chain(profile -> settings.publicOnes()
                .map(rows -> values(rows, profile)));
    }

    /** Every setting's value in {@code env}: the active profile's override, else its own; secrets masked. */
    public Uni<EffectiveSettings> effective(String env) {
        String chosen = env == null ? environment : env;
        if (!Environments.ALL.contains(chosen)) {
            throw ProblemException.invalidField("environment", "must be one of " + Environments.ALL);
        }
        return profiles.activeFor(chosen).chain(profile -> settings.all(pool)
                .map(rows -> new EffectiveSettings(chosen, profile == null ? null : profile.name(), values(rows, profile))));
    }

    /** Publishes every setting's state again (a setting written by a migration or before the topic existed has none). */
    void republish(@Observes StartupEvent started) {
        pool.withTransaction(c -> events.everySetting(c).call(all -> events.append(c, all, List.of())))
                .subscribe().with(all -> {
                    events.applyHere(all);
                    LOG.infof("%d settings published", all.size());
                }, e -> LOG.warnf("settings not published at start: %s", e.toString()));
    }

    /** A setting written and the event that went with it. */
    private record Saved(SettingRow row, SettingChanged change) {
    }

    /** After the commit: this service applies the change at once, the caller gets the setting. */
    private SettingView committed(Saved saved) {
        events.applyHere(List.of(saved.change()));
        return view(saved.row());
    }

    private Map<String, JsonNode> values(List<SettingRow> rows, ProfileRow profile) {
        Map<String, JsonNode> values = new LinkedHashMap<>();
        for (SettingRow row : rows) {
            JsonNode override = profile == null || row.secret() ? null : profile.settings().get(row.key());
            if (row.secret()) {
                values.put(row.key(), SettingValues.MASKED);
            } else if (override != null && SettingValues.problem(row.settingType(), override) == null) {
                values.put(row.key(), override);
            } else {
                values.put(row.key(), SettingValues.json(json, row.settingType(), row.value()));
            }
        }
        return values;
    }

    private SettingRow changed(SettingRow old, SettingInput in, Long by) {
        String value = old.value();
        if (SettingValidation.present(in.value())) {
            String text = SettingValues.text(old.settingType(), in.value());
            value = old.secret() ? secrets.seal(old.key(), text) : text;
        }
        String defaultValue = SettingValidation.present(in.defaultValue())
                ? SettingValues.text(old.settingType(), in.defaultValue()) : old.defaultValue();
        return new SettingRow(old.id(), old.key(), value, old.settingType(), defaultValue,
                in.description() == null ? old.description() : in.description(),
                in.category() == null ? old.category() : in.category(),
                in.isPublic() == null ? old.isPublic() : in.isPublic(), old.secret(),
                in.readonly() == null ? old.readonly() : in.readonly(), by, old.createdAt(), old.updatedAt());
    }

    private SettingView view(SettingRow r) {
        return new SettingView(r.id(), r.key(), r.settingType().label(),
                r.secret() ? SettingValues.MASKED : SettingValues.json(json, r.settingType(), r.value()),
                r.secret() || r.defaultValue() == null ? null : SettingValues.json(json, r.settingType(), r.defaultValue()),
                r.description(), r.category(), r.isPublic(), r.secret(), r.readonly(), r.updatedBy(), r.createdAt(),
                r.updatedAt());
    }

    /** What the audit trail keeps of a setting: never a secret's value. */
    private static Map<String, Object> audited(SettingRow r) {
        return AuditEntries.values("setting_type", r.settingType().label(), "value", r.secret() ? "********" : r.value(),
                "public", r.isPublic(), "secret", r.secret(), "readonly", r.readonly(), "category", r.category());
    }

    private static SettingRow require(SettingRow found, String key) {
        if (found == null) {
            throw ProblemException.notFound("setting " + key);
        }
        return found;
    }
}
