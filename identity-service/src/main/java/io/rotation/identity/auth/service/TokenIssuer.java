package io.rotation.identity.auth.service;

import io.rotation.identity.auth.keys.SigningKeys;
import io.rotation.identity.user.model.UserRole;
import io.rotation.platform.security.Roles;
import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signs RS256 access tokens for the suite's audience: subject = user id, role in {@code groups}, the
 * ids of the stores the user manages (any status) in {@code store_ids}.
 */
@ApplicationScoped
public class TokenIssuer {

    private final SigningKeys keys;
    private final String issuer;
    private final String audience;
    private final Duration ttl;

    public TokenIssuer(SigningKeys keys, @ConfigProperty(name = "mp.jwt.verify.issuer") String issuer,
                       @ConfigProperty(name = "rotation.jwt.audience") String audience,
                       @ConfigProperty(name = "rotation.jwt.access-token-ttl") Duration ttl) {
        this.keys = keys;
        this.audience = audience;
        this.issuer = issuer;
        this.ttl = ttl;
    }

    /**
     * @param issuedAt the token's {@code iat}: now, or just after a revocation mark set within this
     *                 second ({@code RevokedSubjects.issuedAfter}), so that the new token passes
     */
    public TokenPair issue(long userId, String username, UserRole role, List<Long> storeIds, String refreshToken,
                           Instant issuedAt) {
        String token = Jwt.issuer(issuer)
                .audience(audience)
                .subject(String.valueOf(userId))
                .upn(username)
                .groups(Set.of(role.name()))
                .claim(Roles.STORE_IDS_CLAIM, storeIds)
                .issuedAt(issuedAt)
                .expiresAt(issuedAt.plus(ttl))
                .jws().keyId(keys.keyId())
                .sign(keys.privateKey());
        return new TokenPair(token, "Bearer", ttl.toSeconds(), refreshToken);
    }

    /** {@code POST /api/v1/auth/login} and {@code /refresh}'s answer. */
    public record TokenPair(String accessToken, String tokenType, long expiresIn, String refreshToken) {

        @Override
        public String toString() {
            return "TokenPair[tokenType=" + tokenType + ", expiresIn=" + expiresIn + "]";
        }
    }
}
