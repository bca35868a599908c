package io.rotation.platform.flags;

import java.nio.charset.StandardCharsets;
import org.apache.commons.codec.digest.MurmurHash3;

/**
 * Unleash's normalised hash: murmur3 (x86, 32 bit) of {@code groupId:identifier} in UTF-8, read as
 * an unsigned number, modulo the normaliser, plus one. Rollouts use seed 0 and a normaliser of 100
 * (a bucket in 1..100, on when the bucket is at most the percentage); variants use
 * {@link #VARIANT_SEED} and the sum of the variants' weights.
 */
public final class StickinessHash {

    public static final int VARIANT_SEED = 86028157;

    private StickinessHash() {
    }

    public static int normalized(String identifier, String groupId, int normalizer, int seed) {
        byte[] bytes = (groupId + ':' + identifier).getBytes(StandardCharsets.UTF_8);
        long unsigned = Integer.toUnsignedLong(MurmurHash3.hash32x86(bytes, 0, bytes.length, seed));
        return (int) (unsigned % normalizer) + 1;
    }

    /** The 1..100 bucket of a rollout. */
    public static int bucket(String identifier, String groupId) {
        return normalized(identifier, groupId, 100, 0);
    }
}
