package io.rotation.platform.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rotation.platform.security.Roles;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/** Access tokens signed with the test key pair, shaped like identity-service's. */
public final class TestTokens {

    public static final String SIGNING_KEY_RESOURCE = "rotation-testing/signing-key.pem";
    public static final String JWKS_RESOURCE = "rotation-testing/jwks.json";
    public static final String ISSUER = "https://rotation.dev/identity";
    /** The audience identity writes and every service requires (platform's rotation.jwt.audience). */
    public static final String AUDIENCE = "https://rotation.dev/api";
    private static final String KEY_ID = readKeyId();

    private TestTokens() {
    }

    /**
     * A user id no earlier test run used: the local database keeps data between runs. Always above the int
     * range, so that REST Assured reads it back from JSON as the Long the tests compare it with (an id below
     * 2^31 came back as an Integer and failed {@code equalTo(id)} once in a few thousand).
     */
    public static long newUserId() {
        return ThreadLocalRandom.current().nextLong(1L << 31, 9_000_000_000_000L);
    }

    public static String user(long userId) {
        return token(userId, Roles.GENERAL_USER);
    }

    public static String admin(long userId) {
        return token(userId, Roles.ADMIN);
    }

    public static String token(long userId, String role) {
        return claims(userId, role).expiresIn(Duration.ofMinutes(15)).jws().keyId(KEY_ID).sign(SIGNING_KEY_RESOURCE);
    }

    /** A store manager's token: the role and the ids of the stores they manage. */
    public static String manager(long userId, Set<Long> storeIds) {
        return claims(userId, Roles.STORE_MANAGER).claim(Roles.STORE_IDS_CLAIM, storeIds)
                .expiresIn(Duration.ofMinutes(15)).jws().keyId(KEY_ID).sign(SIGNING_KEY_RESOURCE);
    }

    public static String expired(long userId) {
        return claims(userId, Roles.GENERAL_USER).issuedAt(Instant.now().minusSeconds(7200))
                .expiresAt(Instant.now().minusSeconds(3600)).jws().keyId(KEY_ID).sign(SIGNING_KEY_RESOURCE);
    }

    public static String withIssuer(long userId, String issuer) {
        return claims(userId, Roles.GENERAL_USER).issuer(issuer).expiresIn(Duration.ofMinutes(15))
                .jws().keyId(KEY_ID).sign(SIGNING_KEY_RESOURCE);
    }

    public static String withAudience(long userId, String audience) {
        return claims(userId, Roles.GENERAL_USER).audience(audience).expiresIn(Duration.ofMinutes(15))
                .jws().keyId(KEY_ID).sign(SIGNING_KEY_RESOURCE);
    }

    /** A user's token issued at {@code issuedAt} (valid for 15 minutes from then). */
    public static String issuedAt(long userId, Instant issuedAt) {
        return claims(userId, Roles.GENERAL_USER).issuedAt(issuedAt).expiresAt(issuedAt.plusSeconds(900))
                .jws().keyId(KEY_ID).sign(SIGNING_KEY_RESOURCE);
    }

    private static JwtClaimsBuilder claims(long userId, String role) {
        return Jwt.issuer(ISSUER).audience(AUDIENCE).subject(String.valueOf(userId)).groups(Set.of(role));
    }

    private static String readKeyId() {
        try (InputStream in = TestTokens.class.getClassLoader().getResourceAsStream(JWKS_RESOURCE)) {
            JsonNode jwks = new ObjectMapper().readTree(in);
            return jwks.get("keys").get(0).get("kid").asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
