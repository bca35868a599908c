package io.rotation.identity.discogs.service;

import io.quarkus.scheduler.Scheduled;
import io.rotation.identity.discogs.model.ReEncryption;
import io.rotation.identity.discogs.repository.DiscogsTokenRepository;
import io.rotation.identity.discogs.repository.DiscogsTokenRepository.ReEncryptedBatch;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Key rotation without downtime: rows under a previous key version are re-encrypted under the
 * current key in batches, inside the database ({@code reencrypt_discogs_tokens}), while reads
 * keep using each row's own version. Runs on demand (admin endpoint) and on a schedule; with no
 * previous key configured there is nothing to do. Logs counts and versions only.
 */
@ApplicationScoped
public class DiscogsTokenReEncryption {

    private static final Logger LOG = Logger.getLogger(DiscogsTokenReEncryption.class);

    private final DiscogsTokenRepository tokens;
    private final DiscogsTokenKey keys;
    private final int batchSize;

    public DiscogsTokenReEncryption(DiscogsTokenRepository tokens, DiscogsTokenKey keys,
                                    @ConfigProperty(name = "rotation.discogs.re-encrypt-batch-size") int batchSize) {
        this.tokens = tokens;
        this.keys = keys;
        this.batchSize = batchSize;
    }

    @Scheduled(identity = "discogs-token-re-encryption", every = "${rotation.discogs.re-encrypt-every}",
            delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        return keys.previous().isEmpty() ? Uni.createFrom().voidItem() : run().replaceWithVoid();
    }

    /** Re-encrypts every row of every previous version that has a configured key. */
    public Uni<ReEncryption> run() {
        return Multi.createFrom().iterable(keys.previous().entrySet())
                .onItem().transformToUniAndConcatenate(this::version)
                .collect().in(() -> new long[2], (sum, r) -> {
                    sum[0] += r[0];
                    sum[1] += r[1];
                })
                .chain(sum -> tokens.countNotUnder(keys.version()).map(remaining -> {
                    if (sum[0] > 0 || sum[1] > 0) {
                        LOG.infof("Discogs tokens: %d re-encrypted under key version %d, %d did not open with their"
                                + " version's key, %d remain under other versions", sum[0], keys.version(), sum[1], remaining);
                    }
                    return new ReEncryption(keys.version(), sum[0], sum[1], remaining);
                }));
    }

    /** {re-encrypted, failed} for one previous version. */
    private Uni<long[]> version(Map.Entry<Integer, String> previous) {
        return batches(previous.getKey(), 0, new long[2]);
    }

    private Uni<long[]> batches(int version, long afterId, long[] sum) {
        return tokens.reEncryptBatch(version, keys.version(), afterId, batchSize)
                .chain((ReEncryptedBatch b) -> {
                    sum[0] += b.reEncrypted();
                    sum[1] += b.failed();
                    return b.scanned() < batchSize ? Uni.createFrom().item(sum) : batches(version, b.lastId(), sum);
                });
    }
}
