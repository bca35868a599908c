package io.rotation.matching.platforms.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.mutiny.core.MultiMap;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * An OAuth 2 client-credentials token (Spotify, SoundCloud): fetched with the client id and secret
 * (HTTP Basic), kept until a minute before it expires, fetched again after a 401.
 */
public final class ClientCredentials {

    private final String tokenUrl;
    private final String basic;
    private final PlatformsConfig.Client config;
    private final PlatformHttp http;
    private final ObjectMapper mapper;
    private volatile String token;
    private volatile Instant expiresAt = Instant.EPOCH;

    public ClientCredentials(String tokenUrl, String clientId, String clientSecret, PlatformsConfig.Client config,
                             PlatformHttp http, ObjectMapper mapper) {
        this.tokenUrl = tokenUrl;
        this.basic = "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + clientSecret)
                .getBytes(StandardCharsets.UTF_8));
        this.config = config;
        this.http = http;
        this.mapper = mapper;
    }

    /** Whether both the client id and the secret are given. */
    public static boolean configured(java.util.Optional<String> clientId, java.util.Optional<String> clientSecret) {
        return clientId.filter(s -> !s.isBlank()).isPresent() && clientSecret.filter(s -> !s.isBlank()).isPresent();
    }

    /** A valid access token. */
    public Uni<String> token() {
        String current = token;
        if (current != null && Instant.now().isBefore(expiresAt)) {
            return Uni.createFrom().item(current);
        }
        return http.send("token", config, () -> http.request(HttpMethod.POST, tokenUrl)
                        .putHeader("Authorization", basic).putHeader("Accept", "application/json")
                        .sendForm(MultiMap.caseInsensitiveMultiMap().add("grant_type", "client_credentials")))
                .map(answer -> {
                    if (!answer.ok()) {
                        throw new PlatformHttp.PlatformUnavailable("token request answered " + answer.status());
                    }
                    try {
                        JsonNode body = mapper.readTree(answer.body());
                        token = body.path("access_token").asText();
                        expiresAt = Instant.now().plusSeconds(Math.max(0, body.path("expires_in").asLong(3600) - 60));
                        return token;
                    } catch (Exception e) {
                        throw new PlatformHttp.PlatformUnavailable("unreadable token answer");
                    }
                });
    }

    /** Forgets the token (the platform said 401). */
    public void invalidate() {
        token = null;
    }
}
