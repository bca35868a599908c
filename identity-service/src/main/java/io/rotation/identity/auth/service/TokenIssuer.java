package io.rotation.identity.auth.service;

import io.rotation.identity.auth.keys.SigningKeys;
import io.rotation.identity.user.model.User;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Signs RS256 access tokens: subject = user id, role in {@code groups}. */
@ApplicationScoped
public class TokenIssuer {

    private final SigningKeys keys;
    private final String issuer;
    private final Duration ttl;

    public TokenIssuer(SigningKeys keys, @ConfigProperty(name = "mp.jwt.verify.issuer") String issuer,
                       @ConfigProperty(name = "rotation.jwt.access-token-ttl") Duration ttl) {
        this.keys = keys;
        this.issuer = issuer;
        this.ttl = ttl;
    }

    public AccessToken issue(User user) {
        String token = Jwt.issuer(issuer)
                .subject(String.valueOf(user.id))
                .upn(user.username)
                .groups(Set.of(user.role.name()))
                .claim("store_ids", List.of())
                .expiresIn(ttl)
                .jws().keyId(keys.keyId())
                .sign(keys.privateKey());
        return new AccessToken(token, "Bearer", ttl.toSeconds());
    }

    /** {@code POST /api/v1/auth/login}'s answer. */
    public record AccessToken(String accessToken, String tokenType, long expiresIn) {
    }
}
