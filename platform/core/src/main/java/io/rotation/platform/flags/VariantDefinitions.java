package io.rotation.platform.flags;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A feature's (or a strategy's) variants and Unleash's way of choosing one: an override whose context
 * field matches wins; otherwise the stickiness value is hashed with {@link StickinessHash#VARIANT_SEED}
 * into 1..total weight and the variants' weights are counted up to it.
 */
final class VariantDefinitions {

    private record Definition(String name, int weight, Variant.Payload payload, List<Override> overrides) {
    }

    private record Override(String contextName, Set<String> values) {
    }

    private final List<Definition> variants;
    private final int totalWeight;
    private final String stickiness;

    VariantDefinitions(JsonNode json, String fallbackStickiness) {
        List<Definition> list = new ArrayList<>();
        int total = 0;
        for (JsonNode v : json) {
            Variant.Payload payload = v.hasNonNull("payload")
                    ? new Variant.Payload(v.path("payload").path("type").asText(null), text(v.path("payload").path("value")))
                    : null;
            List<Override> overrides = new ArrayList<>();
            for (JsonNode o : v.path("overrides")) {
                List<String> values = new ArrayList<>();
                o.path("values").forEach(x -> values.add(x.asText()));
                overrides.add(new Override(o.path("contextName").asText(""), Set.copyOf(values)));
            }
            int weight = v.path("weight").asInt(0);
            total += Math.max(weight, 0);
            list.add(new Definition(v.path("name").asText(""), weight, payload, List.copyOf(overrides)));
        }
        this.variants = List.copyOf(list);
        this.totalWeight = total;
        String first = json.path(0).path("stickiness").asText("");
        this.stickiness = !first.isEmpty() ? first : fallbackStickiness == null ? "default" : fallbackStickiness;
    }

    boolean isEmpty() {
        return variants.isEmpty();
    }

    /** The chosen variant of a flag that is on, or null when there is none to choose. */
    Variant choose(String groupId, UnleashContext context) {
        for (Definition d : variants) {
            for (Override o : d.overrides) {
                String value = context.value(o.contextName);
                if (value != null && o.values.contains(value)) {
                    return new Variant(d.name, true, d.payload, true);
                }
            }
        }
        if (totalWeight <= 0) {
            return null;
        }
        int target = StickinessHash.normalized(stickinessValue(context), groupId, totalWeight, StickinessHash.VARIANT_SEED);
        int counter = 0;
        for (Definition d : variants) {
            if (d.weight <= 0) {
                continue;
            }
            counter += d.weight;
            if (counter >= target) {
                return new Variant(d.name, true, d.payload, true);
            }
        }
        return null;
    }

    private String stickinessValue(UnleashContext context) {
        String value = switch (stickiness) {
            case "default" -> firstNonNull(context.userId(), context.sessionId(), context.remoteAddress());
            case "random" -> null;
            default -> context.value(stickiness);
        };
        return value != null ? value : Integer.toString(ThreadLocalRandom.current().nextInt(1, 100_001));
    }

    private static String firstNonNull(String... values) {
        for (String v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    private static String text(JsonNode value) {
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        return value.isValueNode() ? value.asText() : value.toString();
    }
}
