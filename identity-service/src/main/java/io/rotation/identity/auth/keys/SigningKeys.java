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
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The RSA key that signs access tokens and the JWK Set that verifies them (key id = RFC 7638
 * thumbprint). Key rotation: start with the new key as the signing key and the old one among
 * {@code rotation.jwt.retired-keys}; the JWK Set keeps publishing the retired public keys, so tokens
 * signed before the switch stay valid until they expire. Loaded once at start-up, from files or
 * classpath resources (a retired key may be given as its private or its public PEM).
 */
@ApplicationScoped
public class SigningKeys {

    private final RSAPrivateCrtKey privateKey;
    private final String keyId;
    private final List<Map<String, Object>> publicJwks;

    public SigningKeys(@ConfigProperty(name = "smallrye.jwt.sign.key.location") String location,
                       @ConfigProperty(name = "rotation.jwt.retired-keys") Optional<List<String>> retired) {
        try {
            PrivateKey key = KeyUtils.decodePrivateKey(read(location));
            if (!(key instanceof RSAPrivateCrtKey rsa)) {
                throw new IllegalStateException("the signing key at " + location + " is not an RSA key");
            }
            privateKey = rsa;
            List<Map<String, Object>> jwks = new ArrayList<>();
            jwks.add(jwk(publicHalf(rsa)));
            keyId = (String) jwks.get(0).get("kid");
            for (String old : retired.orElse(List.of())) {
                Map<String, Object> jwk = jwk(retiredPublicKey(old));
                if (jwks.stream().noneMatch(j -> j.get("kid").equals(jwk.get("kid")))) {
                    jwks.add(jwk);
                }
            }
            publicJwks = List.copyOf(jwks);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot load the token signing keys", e);
        }
    }

    public PrivateKey privateKey() {
        return privateKey;
    }

    public String keyId() {
        return keyId;
    }

    /** The JWK Set services verify tokens with: the signing key first, then the retired ones. */
    public Map<String, Object> jwks() {
        return Map.of("keys", publicJwks);
    }

    private static RSAPublicKey retiredPublicKey(String location) throws GeneralSecurityException {
        String pem = read(location);
        if (pem.contains("PRIVATE KEY")) {
            PrivateKey key = KeyUtils.decodePrivateKey(pem);
            if (key instanceof RSAPrivateCrtKey rsa) {
                return publicHalf(rsa);
            }
            throw new IllegalStateException("the retired key at " + location + " is not an RSA key");
        }
        PublicKey key = KeyUtils.decodePublicKey(pem);
        if (key instanceof RSAPublicKey rsa) {
            return rsa;
        }
        throw new IllegalStateException("the retired key at " + location + " is not an RSA key");
    }

    private static RSAPublicKey publicHalf(RSAPrivateCrtKey key) throws GeneralSecurityException {
        return (RSAPublicKey) KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
    }

    private static Map<String, Object> jwk(RSAPublicKey key) throws GeneralSecurityException {
        String n = base64Url(key.getModulus());
        String e = base64Url(key.getPublicExponent());
        Map<String, Object> jwk = new LinkedHashMap<>();
        jwk.put("kty", "RSA");
        jwk.put("kid", thumbprint(e, n));
        jwk.put("use", "sig");
        jwk.put("alg", "RS256");
        jwk.put("n", n);
        jwk.put("e", e);
        return Map.copyOf(jwk);
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
                    throw new IllegalStateException("no key at " + location);
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
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String thumbprint(String e, String n) throws GeneralSecurityException {
        String canonical = "{\"e\":\"" + e + "\",\"kty\":\"RSA\",\"n\":\"" + n + "\"}";
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }
}
