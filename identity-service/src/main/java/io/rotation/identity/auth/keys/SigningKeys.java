package io.rotation.identity.auth.keys;

import io.smallrye.jwt.util.KeyUtils;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The RSA key that signs access tokens, and its public half as a JWK (key id = RFC 7638
 * thumbprint). Loaded once at start-up from a file or a classpath resource.
 */
@ApplicationScoped
public class SigningKeys {

    private final RSAPrivateCrtKey privateKey;
    private final Map<String, Object> publicJwk;
    private final String keyId;

    public SigningKeys(@ConfigProperty(name = "smallrye.jwt.sign.key.location") String location) {
        try {
            PrivateKey key = KeyUtils.decodePrivateKey(read(location));
            if (!(key instanceof RSAPrivateCrtKey rsa)) {
                throw new IllegalStateException("the signing key at " + location + " is not an RSA key");
            }
            privateKey = rsa;
            RSAPublicKey publicKey = (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(rsa.getModulus(), rsa.getPublicExponent()));
            String n = base64Url(publicKey.getModulus());
            String e = base64Url(publicKey.getPublicExponent());
            keyId = thumbprint(e, n);
            Map<String, Object> jwk = new LinkedHashMap<>();
            jwk.put("kty", "RSA");
            jwk.put("kid", keyId);
            jwk.put("use", "sig");
            jwk.put("alg", "RS256");
            jwk.put("n", n);
            jwk.put("e", e);
            publicJwk = Map.copyOf(jwk);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the token signing key from " + location, e);
        }
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    public String keyId() {
        return keyId;
    }

    /** The JWK Set services verify tokens with. */
    public Map<String, Object> jwks() {
        return Map.of("keys", List.of(publicJwk));
    }

    private static String read(String location) {
        try {
            Path file = Path.of(location.replaceFirst("^file:", ""));
            if (Files.isRegularFile(file)) {
                return Files.readString(file);
            }
            try (InputStream in = Thread.currentThread().getContextClassLoader()
                    .getResourceAsStream(location.replaceFirst("^classpath:", ""))) {
                if (in == null) {
                    throw new IllegalStateException("no token signing key at " + location);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String thumbprint(String e, String n) throws GeneralSecurityException {
        String canonical = "{\"e\":\"" + e + "\",\"kty\":\"RSA\",\"n\":\"" + n + "\"}";
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }
}
