package io.rotation.analytics.recommendation.service;

import io.rotation.analytics.recommendation.model.Recommendation;
import io.rotation.analytics.recommendation.repository.RecommendationRepository;
import io.rotation.analytics.similarity.repository.SimilarityRepository;
import io.rotation.platform.problem.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Recommendations for a user, blended in order of evidence: co-listening (content_similarity's RP3beta rows
 * of the user's records, refreshed in the transaction of each play, so a play counts as soon as it is
 * consumed), then content (its metadata rows: artist, labels, styles, genres, years), then what is popular,
 * then the newest records of the catalog, so that nobody gets an empty list while the catalog has records;
 * within each list, candidates of the user's preferred artists, genres and styles rank higher.
 * Records the user played or favourited are never recommended. Similar records: co-listening, then content.
 */
@ApplicationScoped
public class RecommendationService {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    /** How many of the user's artists, genres and styles (each) boost the candidates that have them. */
    static final int TASTES_PER_KIND = 5;
    /** How far a full match lifts a candidate towards the top of its list's band (0 = not at all, 1 = to the top). */
    static final double TASTE_BOOST = 0.3;
    /** A matched artist says more than a style, a style more than a genre. */
    private static final Map<String, Double> KIND_WEIGHT = Map.of("artist", 1.0, "style", 0.75, "genre", 0.5);
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
                .chain(() -> candidates.tastes(userId, TASTES_PER_KIND))
                .chain(tastes -> tastes.isEmpty() ? Uni.createFrom().item(blend.items())
                        : candidates.features(blend.recordIds()).map(features -> blend.boosted(tastes, features)));
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
     * list's (1 → 0.75, 0.75 → 0.5, …), so a stronger kind of evidence always ranks first. Within its band a
     * candidate of the user's artists, genres or styles is lifted towards the band's top ({@link #boosted}).
     */
    private static final class Blend {
        private final int limit;
        private final Map<Long, Entry> items = new LinkedHashMap<>();
        private double top = 1.0;

        /** A candidate: its list's band (top, width), its relevance in that list (0–1) and its reasons. */
        private record Entry(long recordId, double top, double band, double relevance, List<String> reasons) {
            double score(double lift) {
                double relevance = this.relevance + lift * (1 - this.relevance);
                return Math.round((top - band + band * relevance) * 1e6) / 1e6;
            }
        }

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
                Entry seen = items.get(e.getKey());
                if (seen != null) {
                    seen.reasons().add(reason);
                } else if (items.size() < limit) {
                    double relevance = max <= 0 ? 0 : e.getValue() / max;
                    List<String> reasons = new ArrayList<>();
                    reasons.add(reason);
                    items.put(e.getKey(), new Entry(e.getKey(), top, band, relevance, reasons));
                }
            }
            top -= band;
        }

        boolean full() {
            return items.size() >= limit;
        }

        List<Long> recordIds() {
            return new ArrayList<>(items.keySet());
        }

        List<Recommendation> items() {
            return items.values().stream().map(e -> new Recommendation(e.recordId(), e.score(0), e.reasons()))
                    .toList();
        }

        /**
         * Each candidate lifted by the tastes it matches (Σ kind weight × confidence, at most 1, times
         * {@link #TASTE_BOOST}), with a reason per match ("your style: Deep House"); best first, the order
         * of the lists kept among equals.
         */
        List<Recommendation> boosted(List<RecommendationRepository.Taste> tastes,
                                     Map<Long, RecommendationRepository.Features> features) {
            List<Recommendation> boosted = new ArrayList<>();
            for (Entry e : items.values()) {
                RecommendationRepository.Features f = features.get(e.recordId());
                double match = 0;
                List<String> reasons = new ArrayList<>(e.reasons());
                for (RecommendationRepository.Taste t : f == null ? List.<RecommendationRepository.Taste>of() : tastes) {
                    if (matches(t, f)) {
                        match += KIND_WEIGHT.getOrDefault(t.kind(), 0.0) * t.confidence();
                        reasons.add("your " + t.kind() + ": " + t.name());
                    }
                }
                boosted.add(new Recommendation(e.recordId(), e.score(TASTE_BOOST * Math.min(1, match)), reasons));
            }
            boosted.sort(Comparator.comparingDouble(Recommendation::score).reversed());
            return boosted;
        }

        private static boolean matches(RecommendationRepository.Taste taste, RecommendationRepository.Features f) {
            return switch (taste.kind()) {
                case "artist" -> taste.name().equals(f.artist());
                case "genre" -> f.genres().contains(taste.name());
                case "style" -> f.styles().contains(taste.name());
                default -> false;
            };
        }
    }
}
