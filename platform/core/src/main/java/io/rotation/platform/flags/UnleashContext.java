package io.rotation.platform.flags;

import java.util.Map;

/**
 * What a flag is evaluated against, with Unleash's field names: the standard fields, and any other
 * field in {@code properties}. A constraint or stickiness on a standard field reads it from here,
 * else from the properties (clients often send appName or environment as properties).
 */
public record UnleashContext(String userId, String sessionId, String remoteAddress, String environment,
                             String appName, String currentTime, Map<String, String> properties) {

    public static final UnleashContext EMPTY = new UnleashContext(null, null, null, null, null, null, Map.of());

    public UnleashContext {
        properties = properties == null ? Map.of() : properties;
    }

    public static UnleashContext ofUser(String userId) {
        return new UnleashContext(userId, null, null, null, null, null, Map.of());
    }

    public UnleashContext withProperties(Map<String, String> more) {
        return new UnleashContext(userId, sessionId, remoteAddress, environment, appName, currentTime, more);
    }

    /** The value of a context field, or null when the context does not have it. */
    public String value(String field) {
        String standard = switch (field) {
            case "userId" -> userId;
            case "sessionId" -> sessionId;
            case "remoteAddress" -> remoteAddress;
            case "environment" -> environment;
            case "appName" -> appName;
            case "currentTime" -> currentTime;
            default -> null;
        };
        return standard != null ? standard : properties.get(field);
    }
}
