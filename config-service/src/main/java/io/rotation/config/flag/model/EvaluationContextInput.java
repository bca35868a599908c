package io.rotation.config.flag.model;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.util.Map;

/** An Unleash context as clients send it (Unleash's camelCase names; snake_case accepted too). */
public record EvaluationContextInput(
        @JsonAlias("userId") String userId,
        @JsonAlias("sessionId") String sessionId,
        @JsonAlias("remoteAddress") String remoteAddress,
        String environment,
        @JsonAlias("appName") String appName,
        @JsonAlias("currentTime") String currentTime,
        Map<String, Object> properties) {
}
