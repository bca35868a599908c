package io.rotation.analytics.recommendation.service;

import io.rotation.analytics.recommendation.model.Recommendation;
import io.rotation.analytics.recommendation.repository.RecommendationRepository;
import io.rotation.analytics.similarity.repository.SimilarityRepository;
import io.rotation.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Recommendations for a user, blended in order of evidence: co-listening (content_similarity's RP3beta rows
 * of the user's records, refreshed in the transaction of each play, so a play counts as soon as it is
 * consumed), then content (its metadata rows: artist, labels, styles, genres, years), then what is popular,
 * then the newest records of the catalog, so that nobody gets an empty list while the catalog has records.
 * Records the user played or favourited are never recommended. Similar records: co-listening, then content.
 */
@ApplicationScoped
public class RecommendationService {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    private final RecommendationRepository candidates;
    private final SimilarityRepository similar;

    public RecommendationService(RecommendationRepository candidates, SimilarityRepository similar) {
        this.candidates = candidates;
        this.similar = similar;
    }

    public Uni<List<Recommendation>> forUser(long userId, Integer limit) {
        int n = limit(limit);
        Blend blend = new Blend(n);
        return similar.forUser(userId, SimilarityRepository.COLLABORATIVE, n).invoke(s -> blend.add(s, "listened to by people who play what you play"))
                .chain(() -> blend.full() ? Uni.createFrom().voidItem()
                        : similar.forUser(userId, SimilarityRepository.METADATA, n).invoke(s -> blend.add(s, "like the records you play")).replaceWithVoid())
                .chain(() -> blend.full() ? Uni.createFrom().voidItem()
                        : candidates.popular(userId, n).invoke(s -> blend.add(s, "popular with listeners")).replaceWithVoid())
                .chain(() -> blend.full() ? Uni.createFrom().voidItem()
                        : candidates.newest(userId, n).invoke(s -> blend.add(s, "new in the catalog")).replaceWithVoid())
                .map(ignored -> blend.items());
    }

    public Uni<List<Recommendation>> similarTo(long recordId, Integer limit) {
        int n = limit(limit);
        Blend blend = new Blend(n);
        return candidates.known(recordId).chain(known -> {
            if (!known) {
                throw ProblemException.notFound("record " + recordId);
            }
            return similar.neighbours(recordId, SimilarityRepository.COLLABORATIVE, n).invoke(s -> blend.add(s, "listened to by the same people"));
        }).chain(() -> blend.full() ? Uni.createFrom().voidItem()
                : similar.neighbours(recordId, SimilarityRepository.METADATA, n).invoke(s -> blend.add(s, "same artist, label, styles or genres")).replaceWithVoid())
                .map(ignored -> blend.items());
    }

    private static int limit(Integer limit) {
        int n = limit == null ? DEFAULT_LIMIT : limit;
        if (n < 1 || n > MAX_LIMIT) {
            throw ProblemException.invalidField("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return n;
    }

    /**
     * Lists in order of preference: each list's scores are scaled into its own band below the previous
     * list's (1 → 0.75, 0.75 → 0.5, …), so a stronger kind of evidence always ranks first.
     */
    private static final class Blend {
        private final int limit;
        private final Map<Long, Recommendation> items = new LinkedHashMap<>();
        private double top = 1.0;

        Blend(int limit) {
            this.limit = limit;
        }

        void add(Map<Long, Double> scores, String reason) {
            if (scores.isEmpty()) {
                return;
            }
            double max = scores.values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
            double band = top * 0.25;
            for (Map.Entry<Long, Double> e : scores.entrySet()) {
                Recommendation seen = items.get(e.getKey());
                if (seen != null) {
                    List<String> reasons = new ArrayList<>(seen.reasons());
                    reasons.add(reason);
                    items.put(e.getKey(), new Recommendation(e.getKey(), seen.score(), reasons));
                } else if (items.size() < limit) {
                    double scaled = max <= 0 ? top - band : top - band + band * (e.getValue() / max);
                    items.put(e.getKey(), new Recommendation(e.getKey(), Math.round(scaled * 1e6) / 1e6,
                            List.of(reason)));
                }
            }
            top -= band;
        }

        boolean full() {
            return items.size() >= limit;
        }

        List<Recommendation> items() {
            return new ArrayList<>(items.values());
        }
    }
}
