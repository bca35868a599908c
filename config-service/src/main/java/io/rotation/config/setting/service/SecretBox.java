package io.rotation.config.setting.service;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Encrypts secret settings at rest: AES-256-GCM (the JDK's), a fresh 96-bit nonce per value, the setting's
 * key as associated data (a ciphertext copied to another setting does not open), stored as
 * {@code v1:<base64 of nonce ‖ ciphertext ‖ tag>}. The key is the SHA-256 of {@code rotation.config.secret-key}
 * (at least 32 characters; {@code ROTATION_CONFIG_SECRET_KEY}), which has no default outside dev and test:
 * without it the service does not start, naming the property. No endpoint answers a secret in clear.
 */
@Startup
@ApplicationScoped
public class SecretBox {

    static final String PROPERTY = "rotation.config.secret-key";
    private static final String VERSION = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    public SecretBox(@ConfigProperty(name = PROPERTY) String secret) {
        if (secret == null || secret.length() < 32) {
            throw new IllegalStateException(PROPERTY + " must be at least 32 characters");
        }
        try {
            this.key = new SecretKeySpec(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stored form of {@code plain}, bound to the setting {@code settingKey}. */
    public String seal(String settingKey, String plain) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, settingKey, nonce);
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return VERSION + Base64.getEncoder().encodeToString(ByteBuffer.allocate(NONCE_BYTES + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("sealing setting " + settingKey + " failed", e);
        }
    }

    /** The clear text of a sealed value of {@code settingKey} (in-process only); fails when it was sealed for another. */
    public String open(String settingKey, String stored) {
        if (stored == null || !stored.startsWith(VERSION)) {
            throw new IllegalArgumentException("not a sealed setting value");
        }
        byte[] all = Base64.getDecoder().decode(stored.substring(VERSION.length()));
        byte[] nonce = java.util.Arrays.copyOf(all, NONCE_BYTES);
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, settingKey, nonce);
            return new String(cipher.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("setting " + settingKey + " does not open with this key", e);
        }
    }

    private Cipher cipher(int mode, String settingKey, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(settingKey.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }
}
