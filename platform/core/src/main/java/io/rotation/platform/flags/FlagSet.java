package io.rotation.platform.flags;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An immutable, compiled set of feature flags in Unleash's client format ({@code {version, features,
 * segments}}), evaluated with Unleash's semantics and no I/O: what every service holds in memory.
 * A change replaces the whole set ({@link #with}), so readers never see half a change.
 */
public final class FlagSet {

    public static final FlagSet EMPTY = new FlagSet(Map.of(), Map.of());

    private final Map<String, Feature> features;
    private final Map<Integer, List<Constraint>> segments;

    private FlagSet(Map<String, Feature> features, Map<Integer, List<Constraint>> segments) {
        this.features = features;
        this.segments = segments;
    }

    /** Compiles an Unleash state document. */
    public static FlagSet of(JsonNode state) {
        Map<Integer, List<Constraint>> segments = compileSegments(state.path("segments"));
        Map<String, Feature> features = new HashMap<>();
        for (JsonNode f : state.path("features")) {
            Feature feature = new Feature(f, segments);
            features.put(feature.name, feature);
        }
        return new FlagSet(Map.copyOf(features), Map.copyOf(segments));
    }

    /**
     * This set with one feature added or replaced (its definition in Unleash's format, with the
     * Unleash segments it references), or removed (definition null).
     */
    public FlagSet with(String name, JsonNode definition, JsonNode segmentsOfFeature) {
        Map<String, Feature> copy = new HashMap<>(features);
        if (definition == null || definition.isNull()) {
            copy.remove(name);
        } else {
            Map<Integer, List<Constraint>> own = new HashMap<>(segments);
            if (segmentsOfFeature != null) {
                own.putAll(compileSegments(segmentsOfFeature));
            }
            copy.put(name, new Feature(definition, own));
        }
        return new FlagSet(Map.copyOf(copy), segments);
    }

    private static Map<Integer, List<Constraint>> compileSegments(JsonNode json) {
        Map<Integer, List<Constraint>> segments = new HashMap<>();
        for (JsonNode s : json) {
            List<Constraint> constraints = new ArrayList<>();
            s.path("constraints").forEach(c -> constraints.add(new Constraint(c)));
            segments.put(s.path("id").asInt(), List.copyOf(constraints));
        }
        return Map.copyOf(segments);
    }

    public Set<String> names() {
        return features.keySet();
    }

    public boolean contains(String name) {
        return features.containsKey(name);
    }

    public boolean isEnabled(String name, UnleashContext context) {
        Feature feature = features.get(name);
        return feature != null && feature.isOn(context, this) != null;
    }

    /** Whether the flag is on and which variant the context gets; an unknown flag is off. */
    public FlagResult evaluate(String name, UnleashContext context) {
        Feature feature = features.get(name);
        if (feature == null) {
            return FlagResult.UNKNOWN;
        }
        Strategy on = feature.isOn(context, this);
        if (on == null) {
            return FlagResult.UNKNOWN;
        }
        return new FlagResult(true, feature.variant(on, context));
    }

    private static final Strategy NO_STRATEGY = null;

    /** A compiled feature. */
    private static final class Feature {


        private final String name;
        private final boolean enabled;
        private final List<Strategy> strategies;
        private final VariantDefinitions variants;
        private final List<Dependency> dependencies;
        private final Strategy alwaysOn;

        Feature(JsonNode json, Map<Integer, List<Constraint>> segments) {
            this.name = json.path("name").asText("");
            this.enabled = json.path("enabled").asBoolean(false);
            List<Strategy> list = new ArrayList<>();
            json.path("strategies").forEach(s -> list.add(new Strategy(s, name, segments)));
            this.strategies = List.copyOf(list);
            this.variants = new VariantDefinitions(json.path("variants"), null);
            List<Dependency> deps = new ArrayList<>();
            for (JsonNode d : json.path("dependencies")) {
                List<String> names = new ArrayList<>();
                d.path("variants").forEach(v -> names.add(v.asText()));
                deps.add(new Dependency(d.path("feature").asText(""), d.path("enabled").asBoolean(true), List.copyOf(names)));
            }
            this.dependencies = List.copyOf(deps);
            this.alwaysOn = strategies.isEmpty()
                    ? new Strategy(com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("name", "default"),
                            name, Map.of())
                    : null;
        }

        /** The strategy that turned the feature on for the context, or null when it is off. */
        Strategy isOn(UnleashContext context, FlagSet set) {
            if (!enabled || !dependenciesHold(context, set)) {
                return NO_STRATEGY;
            }
            if (alwaysOn != null) {
                return alwaysOn;
            }
            for (Strategy s : strategies) {
                if (s.isOn(context)) {
                    return s;
                }
            }
            return NO_STRATEGY;
        }

        Variant variant(Strategy on, UnleashContext context) {
            if (!on.variants().isEmpty()) {
                Variant chosen = on.variants().choose(on.groupId(), context);
                if (chosen != null) {
                    return chosen;
                }
            }
            Variant chosen = variants.isEmpty() ? null : variants.choose(name, context);
            return chosen != null ? chosen : Variant.DISABLED_FEATURE_ON;
        }

        /** Unleash's dependent features: one level deep (a parent with parents of its own fails). */
        private boolean dependenciesHold(UnleashContext context, FlagSet set) {
            for (Dependency d : dependencies) {
                Feature parent = set.features.get(d.feature);
                if (parent == null || !parent.dependencies.isEmpty()) {
                    return false;
                }
                Strategy parentOn = parent.isOn(context, set);
                if (!d.enabled) {
                    if (parentOn != null) {
                        return false;
                    }
                    continue;
                }
                if (parentOn == null) {
                    return false;
                }
                if (!d.variants.isEmpty() && !d.variants.contains(parent.variant(parentOn, context).name())) {
                    return false;
                }
            }
            return true;
        }
    }

    private record Dependency(String feature, boolean enabled, List<String> variants) {
    }
}
