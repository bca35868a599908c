package io.rotation.platform.flags;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.re2j.PatternSyntaxException;
import java.net.InetAddress;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One Unleash constraint, compiled once when the flag set is loaded: its operator, its values (or
 * value) parsed for the operator, {@code inverted} and {@code caseInsensitive}. An unknown operator or
 * an unreadable value never matches (and so an inverted one always does, as in Unleash's SDKs).
 */
final class Constraint {

    private enum Operator {
        IN, NOT_IN, STR_CONTAINS, STR_STARTS_WITH, STR_ENDS_WITH, NUM_EQ, NUM_GT, NUM_GTE, NUM_LT, NUM_LTE,
        DATE_AFTER, DATE_BEFORE, SEMVER_EQ, SEMVER_GT, SEMVER_GTE, SEMVER_LT, SEMVER_LTE, REGEX, IN_CIDR, UNKNOWN
    }

    private final String contextName;
    private final Operator operator;
    private final boolean inverted;
    private final boolean caseInsensitive;
    private final List<String> values;
    private final Set<String> valueSet;
    private final double number;
    private final Instant date;
    private final SemanticVersion version;
    private final com.google.re2j.Pattern regex;
    private final List<IpRange> ranges;

    Constraint(JsonNode json) {
        this.contextName = json.path("contextName").asText("");
        this.operator = operator(json.path("operator").asText(""));
        this.inverted = json.path("inverted").asBoolean(false);
        this.caseInsensitive = json.path("caseInsensitive").asBoolean(false);
        List<String> vs = new ArrayList<>();
        json.path("values").forEach(v -> vs.add(v.asText()));
        this.values = caseInsensitive ? vs.stream().map(v -> v.toLowerCase(Locale.ROOT)).toList() : List.copyOf(vs);
        this.valueSet = Set.copyOf(values);
        String value = json.path("value").isMissingNode() || json.path("value").isNull() ? null : json.path("value").asText();
        this.number = operator.name().startsWith("NUM_") ? number(value) : Double.NaN;
        this.date = operator.name().startsWith("DATE_") ? instant(value) : null;
        this.version = operator.name().startsWith("SEMVER_") ? SemanticVersion.parse(value) : null;
        this.regex = operator == Operator.REGEX ? regex(value, caseInsensitive) : null;
        this.ranges = operator == Operator.IN_CIDR
                ? vs.stream().map(IpRange::parse).filter(r -> r != null).toList() : List.of();
    }

    boolean matches(UnleashContext context) {
        return inverted != evaluate(context);
    }

    private boolean evaluate(UnleashContext context) {
        String raw = context.value(contextName);
        if (raw == null && "currentTime".equals(contextName)) {
            raw = Instant.now().toString();
        }
        if (operator == Operator.NOT_IN) {
            return raw == null || !valueSet.contains(fold(raw));
        }
        if (raw == null) {
            return false;
        }
        return switch (operator) {
            case IN -> valueSet.contains(fold(raw));
            case STR_CONTAINS -> anyValue(fold(raw), Kind.CONTAINS);
            case STR_STARTS_WITH -> anyValue(fold(raw), Kind.STARTS);
            case STR_ENDS_WITH -> anyValue(fold(raw), Kind.ENDS);
            case NUM_EQ, NUM_GT, NUM_GTE, NUM_LT, NUM_LTE -> compareNumber(raw);
            case DATE_AFTER, DATE_BEFORE -> compareDate(raw);
            case SEMVER_EQ, SEMVER_GT, SEMVER_GTE, SEMVER_LT, SEMVER_LTE -> compareVersion(raw);
            case REGEX -> regex != null && regex.matcher(raw).find();
            case IN_CIDR -> inCidr(raw);
            default -> false;
        };
    }

    private enum Kind { CONTAINS, STARTS, ENDS }

    private boolean anyValue(String text, Kind kind) {
        for (String v : values) {
            boolean hit = switch (kind) {
                case CONTAINS -> text.contains(v);
                case STARTS -> text.startsWith(v);
                case ENDS -> text.endsWith(v);
            };
            if (hit) {
                return true;
            }
        }
        return false;
    }

    private boolean compareNumber(String raw) {
        double actual = number(raw);
        if (Double.isNaN(actual) || Double.isNaN(number)) {
            return false;
        }
        int c = Double.compare(actual, number);
        return switch (operator) {
            case NUM_EQ -> actual == number;
            case NUM_GT -> c > 0;
            case NUM_GTE -> c >= 0;
            case NUM_LT -> c < 0;
            default -> c <= 0;
        };
    }

    private boolean compareDate(String raw) {
        Instant actual = instant(raw);
        if (actual == null || date == null) {
            return false;
        }
        return operator == Operator.DATE_AFTER ? actual.isAfter(date) : actual.isBefore(date);
    }

    private boolean compareVersion(String raw) {
        SemanticVersion actual = SemanticVersion.parse(raw);
        if (actual == null || version == null) {
            return false;
        }
        int c = actual.compareTo(version);
        return switch (operator) {
            case SEMVER_EQ -> c == 0;
            case SEMVER_GT -> c > 0;
            case SEMVER_GTE -> c >= 0;
            case SEMVER_LT -> c < 0;
            default -> c <= 0;
        };
    }

    private boolean inCidr(String raw) {
        InetAddress address = IpRange.address(raw.trim());
        return address != null && ranges.stream().anyMatch(r -> r.contains(address));
    }

    private String fold(String text) {
        return caseInsensitive ? text.toLowerCase(Locale.ROOT) : text;
    }

    private static Operator operator(String name) {
        try {
            return Operator.valueOf(name);
        } catch (IllegalArgumentException e) {
            return Operator.UNKNOWN;
        }
    }

    private static double number(String text) {
        if (text == null) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    static Instant instant(String text) {
        if (text == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(text.trim()).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return Instant.parse(text.trim());
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }

    private static com.google.re2j.Pattern regex(String value, boolean caseInsensitive) {
        if (value == null) {
            return null;
        }
        try {
            return com.google.re2j.Pattern.compile(value, caseInsensitive ? com.google.re2j.Pattern.CASE_INSENSITIVE : 0);
        } catch (PatternSyntaxException unsupported) {
            return null; // RE2 refuses look-arounds and back-references: such a constraint never matches
        }
    }

    @Override
    public String toString() {
        return contextName + " " + operator + (inverted ? " (inverted)" : "") + " "
                + values.stream().collect(Collectors.joining(","));
    }
}
