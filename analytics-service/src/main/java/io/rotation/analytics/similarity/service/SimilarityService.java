package io.rotation.analytics.similarity.service;

import io.rotation.analytics.similarity.repository.SimilarityRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.Map;

/**
 * Keeps content_similarity current: in the transaction of the plays, favourites and catalog records that
 * change it (so a recommendation read after a play is counted already reflects it), and recounted for every
 * record nightly (what the incremental path leaves slightly stale: targets' popularity, lists longer than
 * {@link #KEEP}). The parameters are the ones chosen offline in bench/recs.
 */
@ApplicationScoped
public class SimilarityService {

    /** RP3beta's exponent on the walk's transition probabilities (1 = the plain random walk). */
    public static final double ALPHA = 1.0;
    /** RP3beta's popularity penalty: the target's listeners to this power divide its score. */
    public static final double BETA = 0.25;
    /** Targets kept per source and kind. */
    public static final int KEEP = 50;
    /** A feature shared by more records than this is too common to tell records apart. */
    public static final int COMMON_FEATURE = 500;

    private final SimilarityRepository similarities;

    public SimilarityService(SimilarityRepository similarities) {
        this.similarities = similarities;
    }

    /**
     * After these users' plays or favourites: the collaborative rows of every record they have, since a
     * new edge changes the walks from all of a listener's records.
     */
    public Uni<Void> listened(SqlConnection c, Collection<Long> userIds) {
        if (userIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Long[] users = userIds.stream().distinct().sorted().toArray(Long[]::new);
        return similarities.lockForWriting(c)
                .chain(() -> similarities.recordsOf(c, users))
                .chain(records -> similarities.refreshCollaborative(c, records, ALPHA, BETA, KEEP))
                .replaceWithVoid();
    }

    /** After these records were upserted into the catalog projection: their metadata rows. */
    public Uni<Void> catalogued(SqlConnection c, Collection<Long> recordIds) {
        if (recordIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Long[] records = recordIds.stream().distinct().sorted().toArray(Long[]::new);
        return similarities.lockForWriting(c)
                .chain(() -> similarities.refreshMetadata(c, records, COMMON_FEATURE, KEEP))
                .replaceWithVoid();
    }

    /** Every record's rows recounted; @return rows written per kind */
    public Uni<Map<String, Integer>> recountAll(SqlConnection c) {
        return similarities.recountAll(c, ALPHA, BETA, COMMON_FEATURE, KEEP);
    }
}
