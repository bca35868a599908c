package io.rotation.config.flag.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rotation.config.flag.model.Flag;
import io.rotation.config.flag.model.FlagInput;
import io.rotation.config.flag.repository.FlagRepository;
import io.rotation.contracts.EventType;
import io.rotation.contracts.config.FlagChanged;
import io.rotation.platform.audit.AuditActor;
import io.rotation.platform.audit.AuditEntries;
import io.rotation.platform.event.OutboundEvent;
import io.rotation.platform.flags.FlagStore;
import io.rotation.platform.outbox.Outbox;
import io.rotation.platform.paging.Page;
import io.rotation.platform.paging.PageRequest;
import io.rotation.platform.problem.ProblemException;
import io.rotation.platform.problem.UniqueViolation;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Flag administration. Each change, its history row (the table's trigger, with the admin as
 * changed_by), its FlagChanged event and its audit entry commit in one transaction; after the commit
 * this instance's {@link FlagStore} applies it at once (others follow the topic).
 */
@ApplicationScoped
public class FlagService {

    private static final Pattern NATIVE_KEY = Pattern.compile("^[a-z0-9]+([._-][a-z0-9]+)*$");

    private final Pool pool;
    private final FlagRepository flags;
    private final Outbox outbox;
    private final FlagStore store;
    private final ObjectMapper json;

    public FlagService(Pool pool, FlagRepository flags, Outbox outbox, FlagStore store, ObjectMapper json) {
        this.pool = pool;
        this.flags = flags;
        this.outbox = outbox;
        this.store = store;
        this.json = json;
    }

    public Uni<Page<Flag>> list(PageRequest page, boolean includeArchived) {
        String after = page.first() ? null : page.afterPart(0, s -> s);
        return flags.list(after, includeArchived, page.limit() + 1).map(rows -> page.page(rows, f -> List.of(f.key())));
    }

    public Uni<Flag> get(String key) {
        return flags.find(key).map(f -> {
            if (f == null) {
                throw ProblemException.notFound("flag " + key);
            }
            return f;
        });
    }

    public Uni<Flag> create(AuditActor actor, FlagInput in) {
        if (in.key() == null || !NATIVE_KEY.matcher(in.key()).matches() || in.key().length() > 128) {
            throw ProblemException.invalidField("key", "must be lower-case letters and digits separated by . _ or -, at most 128");
        }
        FlagDefinitions.validate(in);
        Flag flag = nativeFlag(in.key(), in);
        return write(actor, c -> flags.insert(c, flag, actor.userId()), null, "flag_created")
                .onFailure(UniqueViolation::is).transform(e -> ProblemException.conflict("a flag " + in.key() + " exists"));
    }

    public Uni<Flag> change(AuditActor actor, String key, FlagInput patch) {
        return pool.withTransaction(c -> flags.findForUpdate(c, key).chain(old -> {
            if (old == null) {
                throw ProblemException.notFound("flag " + key);
            }
            Flag changed = "unleash".equals(old.source()) ? changedImport(old, patch) : changedNative(old, patch);
            return flags.actAs(c, actor.userId()).chain(() -> flags.update(c, changed, actor.userId()))
                    .call(saved -> publish(c, saved, actor, old, "flag_changed"));
        })).call(this::applyLocally);
    }

    public Uni<Void> archive(AuditActor actor, String key) {
        return pool.withTransaction(c -> flags.findForUpdate(c, key).chain(old -> {
            if (old == null) {
                throw ProblemException.notFound("flag " + key);
            }
            Flag archived = copy(old, false, true, old.definition());
            return flags.actAs(c, actor.userId()).chain(() -> flags.update(c, archived, actor.userId()))
                    .call(saved -> publish(c, saved, actor, old, "flag_archived"));
        })).call(this::applyLocally).replaceWithVoid();
    }

    /** Creates or replaces the state's flags and segments as they are; answers how many of each. */
    public Uni<Map<String, Integer>> importUnleash(AuditActor actor, JsonNode state) {
        if (state == null || !state.isObject() || !state.path("version").canConvertToInt()) {
            throw ProblemException.invalidField("version", "an Unleash state document has a version number");
        }
        if (!state.path("features").isArray()) {
            throw ProblemException.invalidField("features", "must be an array of Unleash features");
        }
        JsonNode segments = state.path("segments").isArray() ? state.path("segments") : JsonNodeFactory.instance.arrayNode();
        for (int i = 0; i < segments.size(); i++) {
            if (!segments.get(i).path("id").canConvertToInt() || !segments.get(i).path("constraints").isArray()) {
                throw ProblemException.invalidField("segments[" + i + "]", "needs an integer id and a constraints array");
            }
        }
        List<JsonNode> features = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < state.path("features").size(); i++) {
            JsonNode feature = state.path("features").get(i);
            if (!names.add(FlagDefinitions.importedName(feature, i))) {
                throw ProblemException.invalidField("features[" + i + "].name", "appears twice");
            }
            features.add(feature);
        }
        return pool.withTransaction(c -> {
            Uni<Void> chain = flags.actAs(c, actor.userId());
            for (JsonNode s : segments) {
                chain = chain.call(() -> flags.upsertSegment(c, s.path("id").asInt(), s));
            }
            List<Flag> saved = new ArrayList<>();
            for (JsonNode f : features) {
                chain = chain.call(() -> importOne(c, actor, f).invoke(saved::add));
            }
            return chain.map(v -> saved);
        }).call(saved -> flags.segments().invoke(all -> saved.forEach(f -> applyWith(f, all))))
                .map(saved -> Map.of("features", saved.size(), "segments", segments.size()));
    }

    /** Every live flag and every segment, as an Unleash state document. */
    public Uni<ObjectNode> exportUnleash() {
        return flags.allLive().chain(live -> flags.segments().map(segments -> {
            ObjectNode state = JsonNodeFactory.instance.objectNode();
            state.put("version", 1);
            ArrayNode features = state.putArray("features");
            live.forEach(f -> features.add(f.definition()));
            ArrayNode list = state.putArray("segments");
            segments.forEach(list::add);
            return state;
        }));
    }

    private Uni<Flag> importOne(SqlConnection c, AuditActor actor, JsonNode feature) {
        String key = feature.path("name").asText();
        return flags.findForUpdate(c, key).chain(old -> {
            Flag imported = new Flag(0, key, null, feature.path("description").asText(null), "condition",
                    feature.path("enabled").asBoolean(), 0, List.of(), JsonNodeFactory.instance.objectNode(), null, null,
                    null, List.of(), null, null, "unleash", false, feature, null, null);
            if (old == null) {
                return flags.insert(c, imported, actor.userId()).call(saved -> publish(c, saved, actor, null, "flag_imported"));
            }
            return flags.update(c, imported, actor.userId()).call(saved -> publish(c, saved, actor, old, "flag_imported"));
        });
    }

    private Uni<Flag> write(AuditActor actor, java.util.function.Function<SqlConnection, Uni<Flag>> change, Flag old, String action) {
        return pool.withTransaction(c -> flags.actAs(c, actor.userId()).chain(() -> change.apply(c))
                .call(saved -> publish(c, saved, actor, old, action))).call(this::applyLocally);
    }

    private Uni<Void> publish(SqlConnection c, Flag saved, AuditActor actor, Flag old, String action) {
        return flags.segments(c).chain(segments -> outbox.append(c, List.of(
                OutboundEvent.of(EventType.FLAG_CHANGED, saved.key(), changed(saved, segments, actor.userId())),
                AuditEntries.entry(actor, action, "feature_flag", saved.id(), old == null ? null : audited(old),
                        audited(saved)))));
    }

    private FlagChanged changed(Flag f, List<JsonNode> allSegments, long actor) {
        if (f.archived()) {
            return new FlagChanged(f.key(), true, null, List.of(), actor, Instant.now());
        }
        Set<Integer> used = new HashSet<>();
        f.definition().path("strategies").forEach(s -> s.path("segments").forEach(id -> used.add(id.asInt())));
        List<Map<String, Object>> segments = allSegments.stream().filter(s -> used.contains(s.path("id").asInt()))
                .map(this::map).toList();
        return new FlagChanged(f.key(), false, map(f.definition()), segments, actor, Instant.now());
    }

    /** This instance evaluates its own writes at once; the topic brings them to the others. */
    private Uni<Void> applyLocally(Flag f) {
        return flags.segments().invoke(segments -> applyWith(f, segments)).replaceWithVoid();
    }

    private void applyWith(Flag f, List<JsonNode> segments) {
        try {
            store.applyOwnWrite(f.key(), json.writeValueAsBytes(changed(f, segments, 0)));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> audited(Flag f) {
        Map<String, Object> values = new HashMap<>();
        values.put("key", f.key());
        values.put("enabled", f.enabled());
        values.put("archived", f.archived());
        values.put("flag_type", f.flagType());
        values.put("rollout_percentage", f.rolloutPercentage());
        values.put("definition", map(f.definition()));
        return values;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> map(JsonNode node) {
        return node == null ? null : json.convertValue(node, Map.class);
    }

    private static Flag nativeFlag(String key, FlagInput in) {
        return new Flag(0, key, in.name(), in.description(), in.flagType(), Boolean.TRUE.equals(in.enabled()),
                in.rolloutPercentage() == null ? 0 : in.rolloutPercentage(),
                in.targetUserIds() == null ? List.of() : in.targetUserIds(),
                in.conditions() == null ? JsonNodeFactory.instance.objectNode() : in.conditions(),
                in.variants() == null || in.variants().isNull() ? null : in.variants(), in.defaultVariant(), in.owner(),
                in.tags() == null ? List.of() : in.tags(), in.startsAt(), in.endsAt(), "native", false,
                FlagDefinitions.of(key, in), null, null);
    }

    private static Flag changedNative(Flag old, FlagInput p) {
        FlagInput merged = new FlagInput(old.key(), p.name() != null ? p.name() : old.name(),
                p.description() != null ? p.description() : old.description(),
                p.flagType() != null ? p.flagType() : old.flagType(), p.enabled() != null ? p.enabled() : old.enabled(),
                p.rolloutPercentage() != null ? p.rolloutPercentage() : old.rolloutPercentage(),
                p.targetUserIds() != null ? p.targetUserIds() : old.targetUserIds(),
                p.conditions() != null ? p.conditions() : old.conditions(),
                p.variants() != null ? p.variants() : old.variants(),
                p.defaultVariant() != null ? p.defaultVariant() : old.defaultVariant(),
                p.owner() != null ? p.owner() : old.owner(), p.tags() != null ? p.tags() : old.tags(),
                p.startsAt() != null ? p.startsAt() : old.startsAt(), p.endsAt() != null ? p.endsAt() : old.endsAt());
        FlagDefinitions.validate(merged);
        return nativeFlag(old.key(), merged);
    }

    /** An imported flag's strategies come from Unleash: only switching it on or off is a change here. */
    private static Flag changedImport(Flag old, FlagInput p) {
        if (p.flagType() != null || p.rolloutPercentage() != null || p.targetUserIds() != null || p.conditions() != null
                || p.variants() != null || p.startsAt() != null || p.endsAt() != null) {
            throw ProblemException.invalidField("flag_type",
                    "flag " + old.key() + " was imported from Unleash: only enabled and description change here; re-import to change its strategies");
        }
        ObjectNode definition = old.definition().deepCopy();
        if (p.enabled() != null) {
            definition.put("enabled", p.enabled());
        }
        if (p.description() != null) {
            definition.put("description", p.description());
        }
        return new Flag(old.id(), old.key(), old.name(), p.description() != null ? p.description() : old.description(),
                old.flagType(), p.enabled() != null ? p.enabled() : old.enabled(), old.rolloutPercentage(),
                old.targetUserIds(), old.conditions(), old.variants(), old.defaultVariant(), old.owner(), old.tags(),
                old.startsAt(), old.endsAt(), old.source(), false, definition, null, null);
    }

    private static Flag copy(Flag f, boolean enabled, boolean archived, JsonNode definition) {
        ObjectNode off = definition.deepCopy();
        off.put("enabled", enabled);
        return new Flag(f.id(), f.key(), f.name(), f.description(), f.flagType(), enabled, f.rolloutPercentage(),
                f.targetUserIds(), f.conditions(), f.variants(), f.defaultVariant(), f.owner(), f.tags(), f.startsAt(),
                f.endsAt(), f.source(), archived, off, null, null);
    }
}
