package io.rotation.platform.flags;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.commons.codec.digest.MurmurHash3;

/**
 * Unleash's normalised hash: murmur3 (x86, 32 bit) of {@code groupId:identifier} in UTF-8, read as
 * an unsigned number, modulo the normaliser, plus one. Rollouts use seed 0 and a normaliser of 100
 * (a bucket in 1..100, on when the bucket is at most the percentage); variants use
 * {@link #VARIANT_SEED} and the sum of the variants' weights.
 * <p>
 * Evaluation is on every request's path, so a strategy encodes its {@code groupId:} once
 * ({@link #prefix}) and an ASCII identifier is copied in byte by byte, without a string
 * concatenation or a charset encoder; any other identifier is encoded in full. Both give the same bytes.
 */
public final class StickinessHash {

    public static final int VARIANT_SEED = 86028157;

    private StickinessHash() {
    }

    /** {@code groupId:} in UTF-8, the constant start of every key hashed for a group. */
    static byte[] prefix(String groupId) {
        return (groupId + ':').getBytes(StandardCharsets.UTF_8);
    }

    public static int normalized(String identifier, String groupId, int normalizer, int seed) {
        return normalized(identifier, prefix(groupId), normalizer, seed);
    }

    static int normalized(String identifier, byte[] prefix, int normalizer, int seed) {
        byte[] key = key(prefix, identifier);
        long unsigned = Integer.toUnsignedLong(MurmurHash3.hash32x86(key, 0, key.length, seed));
        return (int) (unsigned % normalizer) + 1;
    }

    /** The 1..100 bucket of a rollout. */
    public static int bucket(String identifier, String groupId) {
        return normalized(identifier, prefix(groupId), 100, 0);
    }

    static int bucket(String identifier, byte[] prefix) {
        return normalized(identifier, prefix, 100, 0);
    }

    private static byte[] key(byte[] prefix, String identifier) {
        int length = identifier.length();
        byte[] key = Arrays.copyOf(prefix, prefix.length + length);
        for (int i = 0; i < length; i++) {
            char c = identifier.charAt(i);
            if (c >= 0x80) {
                byte[] encoded = identifier.getBytes(StandardCharsets.UTF_8);
                key = Arrays.copyOf(prefix, prefix.length + encoded.length);
                System.arraycopy(encoded, 0, key, prefix.length, encoded.length);
                return key;
            }
            key[prefix.length + i] = (byte) c;
        }
        return key;
    }
}
