package io.rotation.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Access tokens shaped like identity's, signed with platform-testing's test key pair
 * ({@code rotation-testing/}), for services a test starts itself with {@link #JWKS} as their key.
 * Never the running suite's key: its services refuse these tokens.
 */
final class TestKeyTokens {

    private static final Path KEYS = ServiceProcess.repoRoot().resolve("platform/testing/src/main/resources/rotation-testing");
    /** The public half, for {@code mp.jwt.verify.publickey.location}. */
    static final Path JWKS = KEYS.resolve("jwks.json");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private TestKeyTokens() {
    }

    /** A general user's token for 15 minutes. */
    static String user(long userId) {
        try {
            String kid = JSON.readTree(JWKS.toFile()).get("keys").get(0).get("kid").asText();
            long now = Instant.now().getEpochSecond();
            String header = B64.encodeToString(JSON.writeValueAsBytes(Map.of("alg", "RS256", "typ", "JWT", "kid", kid)));
            String claims = B64.encodeToString(JSON.writeValueAsBytes(Map.of(
                    "iss", "https://rotation.dev/identity", "aud", "https://rotation.dev/api",
                    "sub", String.valueOf(userId), "groups", List.of("general_user"),
                    "iat", now, "exp", now + 900, "jti", java.util.UUID.randomUUID().toString())));
            Signature rsa = Signature.getInstance("SHA256withRSA");
            rsa.initSign(privateKey());
            rsa.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
            return header + "." + claims + "." + B64.encodeToString(rsa.sign());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign a test token", e);
        }
    }

    private static PrivateKey privateKey() throws IOException, GeneralSecurityException {
        String pem = Files.readString(KEYS.resolve("signing-key.pem"))
                .replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
    }
}
