package io.rotation.platform.ratelimit;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One enforced rule: at most {@code maxRequests} requests per {@code windowSeconds} from one caller
 * of {@code identifierType} (each caller on its own when {@code identifier} is {@code *}, else only that
 * one) to the endpoints of {@code endpointPattern}: {@code [METHOD ]/path}, {@code *} matching any
 * characters, or {@code *} alone for every endpoint. A caller over the limit is refused until the
 * window ends, or for {@code blockSeconds} when that is longer.
 */
public record RateLimitRule(long id, String identifierType, String identifier, String endpointPattern,
                            int maxRequests, int windowSeconds, int blockSeconds, Pattern endpoint) {

    public static final String ANY = "*";
    public static final String USER = "user";
    public static final String IP = "ip";
    public static final String API_KEY = "api_key";
    public static final String GLOBAL = "global";

    private static final Pattern METHOD = Pattern.compile("^[A-Z]+ ");

    public static RateLimitRule of(long id, String identifierType, String identifier, String endpointPattern,
                                   int maxRequests, int windowSeconds, int blockSeconds) {
        return new RateLimitRule(id, identifierType, identifier, endpointPattern, maxRequests, windowSeconds,
                blockSeconds, compile(endpointPattern));
    }

    /** Whether the rule's endpoint pattern covers this request (path without its query). */
    public boolean covers(String method, String path) {
        return endpoint.matcher(method.toUpperCase(Locale.ROOT) + " " + path).matches();
    }

    public boolean forEveryCaller() {
        return ANY.equals(identifier);
    }

    /** What is wrong with a pattern, or null when config-service may store it. */
    public static String patternProblem(String pattern) {
        if (pattern == null || pattern.isBlank()) {
            return "is required: [METHOD ]/path with * wildcards, or * for every endpoint";
        }
        String path = METHOD.matcher(pattern).find() ? pattern.substring(pattern.indexOf(' ') + 1) : pattern;
        if (!path.startsWith("/") && !path.startsWith(ANY)) {
            return "the path must start with / or * (for example GET /api/v1/records or POST /api/v1/plays/*)";
        }
        if (path.contains(" ") || path.contains("?")) {
            return "the path has no spaces and no query string";
        }
        return null;
    }

    private static Pattern compile(String endpointPattern) {
        String method = "[A-Z]+";
        String path = endpointPattern;
        if (METHOD.matcher(endpointPattern).find()) {
            method = Pattern.quote(endpointPattern.substring(0, endpointPattern.indexOf(' ')));
            path = endpointPattern.substring(endpointPattern.indexOf(' ') + 1);
        }
        StringBuilder regex = new StringBuilder(method).append(' ');
        String[] parts = path.split("\\*", -1);
        for (int i = 0; i < parts.length; i++) {
            regex.append(i == 0 ? "" : ".*").append(Pattern.quote(parts[i]));
        }
        return Pattern.compile(regex.toString());
    }
}
