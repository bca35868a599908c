package io.rotation.platform.flags;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/**
 * One of a feature's activation strategies, compiled: Unleash's built-in strategies (an unknown one
 * is never on), its constraints and the constraints of its segments (all must hold; a segment the
 * state does not define turns the strategy off), and its own variants.
 */
final class Strategy {

    private static final String HOSTNAME = localHostname();

    private final String name;
    private final Map<String, String> parameters;
    private final List<Constraint> constraints;
    private final boolean missingSegment;
    private final String groupId;
    private final byte[] groupPrefix;
    private final String stickiness;
    private final VariantDefinitions variants;
    private final Set<String> userIds;
    private final List<IpRange> ranges;
    private final int percentage;

    Strategy(JsonNode json, String featureName, Map<Integer, List<Constraint>> segments) {
        this.name = json.path("name").asText("");
        Map<String, String> params = new HashMap<>();
        json.path("parameters").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
        this.parameters = Map.copyOf(params);
        List<Constraint> all = new ArrayList<>();
        json.path("constraints").forEach(c -> all.add(new Constraint(c)));
        boolean missing = false;
        for (JsonNode id : json.path("segments")) {
            List<Constraint> segment = segments.get(id.asInt());
            if (segment == null) {
                missing = true;
            } else {
                all.addAll(segment);
            }
        }
        this.constraints = List.copyOf(all);
        this.missingSegment = missing;
        String group = parameters.get("groupId");
        this.groupId = group == null || group.isEmpty() ? featureName : group;
        this.groupPrefix = StickinessHash.prefix(groupId);
        this.stickiness = parameters.getOrDefault("stickiness", "default");
        this.variants = new VariantDefinitions(json.path("variants"), parameters.get("stickiness"));
        this.userIds = list(parameters.get("userIds")).stream().collect(Collectors.toUnmodifiableSet());
        this.ranges = list(parameters.get("IPs")).stream().map(IpRange::parse).filter(r -> r != null).toList();
        this.percentage = percentage(parameters.get(name.equals("flexibleRollout") ? "rollout" : "percentage"));
    }

    /** Do the constraints and segments hold and is the strategy on for the context? */
    boolean isOn(UnleashContext context) {
        if (missingSegment) {
            return false;
        }
        for (Constraint c : constraints) {
            if (!c.matches(context)) {
                return false;
            }
        }
        return isEnabled(context);
    }

    VariantDefinitions variants() {
        return variants;
    }

    String groupId() {
        return groupId;
    }

    private boolean isEnabled(UnleashContext context) {
        return switch (name) {
            case "default" -> true;
            case "userWithId" -> context.userId() != null && userIds.contains(context.userId());
            case "gradualRolloutUserId" -> rollout(context.userId());
            case "gradualRolloutSessionId" -> rollout(context.sessionId());
            case "gradualRolloutRandom" -> percentage > 0 && ThreadLocalRandom.current().nextInt(1, 101) <= percentage;
            case "flexibleRollout" -> rollout(stickinessValue(context));
            case "remoteAddress" -> remoteAddress(context.remoteAddress());
            case "applicationHostname" -> list(parameters.get("hostNames")).stream()
                    .anyMatch(h -> h.equalsIgnoreCase(HOSTNAME));
            default -> false;
        };
    }

    private boolean rollout(String identifier) {
        return identifier != null && percentage > 0 && StickinessHash.bucket(identifier, groupPrefix) <= percentage;
    }

    private String stickinessValue(UnleashContext context) {
        return switch (stickiness) {
            case "default" -> context.userId() != null ? context.userId()
                    : context.sessionId() != null ? context.sessionId() : random();
            case "random" -> random();
            default -> context.value(stickiness);
        };
    }

    private boolean remoteAddress(String address) {
        InetAddress ip = address == null ? null : IpRange.address(address.trim());
        return ip != null && ranges.stream().anyMatch(r -> r.contains(ip));
    }

    private static String random() {
        return Integer.toString(ThreadLocalRandom.current().nextInt(1, 101));
    }

    private static List<String> list(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return List.of();
        }
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static int percentage(String value) {
        if (value == null) {
            return 0;
        }
        try {
            return (int) Math.round(Double.parseDouble(value.trim()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String localHostname() {
        String configured = System.getProperty("hostname", System.getenv("HOSTNAME"));
        if (configured != null && !configured.isBlank()) {
            return configured.toLowerCase(Locale.ROOT);
        }
        try {
            return InetAddress.getLocalHost().getHostName().toLowerCase(Locale.ROOT);
        } catch (UnknownHostException e) {
            return "undefined";
        }
    }
}
