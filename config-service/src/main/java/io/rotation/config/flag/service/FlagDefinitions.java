package io.rotation.config.flag.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rotation.config.flag.model.FlagInput;
import io.rotation.platform.problem.ProblemException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The seed's flag types as Unleash definitions (docs/api/config.md):
 * boolean → the default strategy; percentage → flexibleRollout on userId with the flag key as
 * groupId; user_list → userWithId; condition → the default strategy with one IN constraint per
 * condition. starts_at/ends_at become currentTime constraints on every strategy; variants
 * ({"name": weight}) become Unleash variants with default stickiness.
 */
final class FlagDefinitions {

    static final Set<String> TYPES = Set.of("boolean", "percentage", "user_list", "condition");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private FlagDefinitions() {
    }

    /** Refuses a flag whose fields do not fit its type (400 naming the field). */
    static void validate(FlagInput f) {
        if (f.flagType() == null || !TYPES.contains(f.flagType())) {
            throw ProblemException.invalidField("flag_type", "must be one of " + TYPES.stream().sorted().toList());
        }
        if (f.rolloutPercentage() != null && (f.rolloutPercentage() < 0 || f.rolloutPercentage() > 100)) {
            throw ProblemException.invalidField("rollout_percentage", "must be between 0 and 100");
        }
        if (f.targetUserIds() != null && f.targetUserIds().stream().anyMatch(id -> id == null || id <= 0)) {
            throw ProblemException.invalidField("target_user_ids", "must be positive user ids");
        }
        if (f.conditions() != null) {
            if (!f.conditions().isObject()) {
                throw ProblemException.invalidField("conditions", "must be an object of context field to value");
            }
            f.conditions().fields().forEachRemaining(e -> {
                if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                    throw ProblemException.invalidField("conditions." + e.getKey(), "must be a string, number or boolean");
                }
            });
        }
        if (f.variants() != null && !f.variants().isNull()) {
            if (!f.variants().isObject() || f.variants().isEmpty()) {
                throw ProblemException.invalidField("variants", "must be an object of variant name to weight");
            }
            f.variants().fields().forEachRemaining(e -> {
                if (!e.getValue().canConvertToInt() || !e.getValue().isIntegralNumber() || e.getValue().asInt() < 0) {
                    throw ProblemException.invalidField("variants." + e.getKey(), "must be a weight, a whole number >= 0");
                }
            });
        }
        if (f.startsAt() != null && f.endsAt() != null && !f.startsAt().isBefore(f.endsAt())) {
            throw ProblemException.invalidField("ends_at", "must be after starts_at");
        }
    }

    static ObjectNode of(String key, FlagInput f) {
        ObjectNode feature = JSON.objectNode();
        feature.put("name", key);
        feature.put("description", f.description());
        feature.put("type", "release");
        feature.put("enabled", Boolean.TRUE.equals(f.enabled()));
        ObjectNode strategy = feature.putArray("strategies").addObject();
        ObjectNode parameters = JSON.objectNode();
        ArrayNode constraints = JSON.arrayNode();
        switch (f.flagType()) {
            case "percentage" -> {
                strategy.put("name", "flexibleRollout");
                parameters.put("rollout", String.valueOf(f.rolloutPercentage() == null ? 0 : f.rolloutPercentage()));
                parameters.put("stickiness", "userId");
                parameters.put("groupId", key);
            }
            case "user_list" -> {
                strategy.put("name", "userWithId");
                List<Long> ids = f.targetUserIds() == null ? List.of() : f.targetUserIds();
                parameters.put("userIds", ids.stream().map(String::valueOf).collect(Collectors.joining(",")));
            }
            case "condition" -> {
                strategy.put("name", "default");
                if (f.conditions() != null) {
                    for (Iterator<Map.Entry<String, JsonNode>> it = f.conditions().fields(); it.hasNext(); ) {
                        Map.Entry<String, JsonNode> c = it.next();
                        ObjectNode constraint = constraints.addObject();
                        constraint.put("contextName", c.getKey());
                        constraint.put("operator", "IN");
                        constraint.putArray("values").add(c.getValue().asText());
                    }
                }
            }
            default -> strategy.put("name", "default");
        }
        if (f.startsAt() != null) {
            // DATE_AFTER is exclusive; the seed's window includes starts_at (microsecond precision)
            constraints.addObject().put("contextName", "currentTime").put("operator", "DATE_AFTER")
                    .put("value", f.startsAt().truncatedTo(ChronoUnit.MICROS).minus(1, ChronoUnit.MICROS).toString());
        }
        if (f.endsAt() != null) {
            constraints.addObject().put("contextName", "currentTime").put("operator", "DATE_BEFORE")
                    .put("value", f.endsAt().truncatedTo(ChronoUnit.MICROS).toString());
        }
        strategy.set("parameters", parameters);
        strategy.set("constraints", constraints);
        ArrayNode variants = feature.putArray("variants");
        if (f.variants() != null && f.variants().isObject()) {
            f.variants().fields().forEachRemaining(v -> variants.addObject().put("name", v.getKey())
                    .put("weight", v.getValue().asInt()).put("weightType", "fix").put("stickiness", "default"));
        }
        return feature;
    }

    /** An imported feature is usable when it has a name Unleash and we accept. */
    static String importedName(JsonNode feature, int index) {
        String name = feature.path("name").asText("");
        if (name.isEmpty() || name.length() > 128 || name.chars().anyMatch(c -> Character.isWhitespace(c) || c == '/')) {
            throw ProblemException.invalidField("features[" + index + "].name",
                    "must be 1 to 128 characters without spaces or '/'");
        }
        if (!feature.path("enabled").isBoolean()) {
            throw ProblemException.invalidField("features[" + index + "].enabled", "must be true or false");
        }
        if (feature.has("strategies") && !feature.path("strategies").isArray()) {
            throw ProblemException.invalidField("features[" + index + "].strategies", "must be an array");
        }
        return name;
    }

    static Instant now() {
        return Instant.now();
    }
}
