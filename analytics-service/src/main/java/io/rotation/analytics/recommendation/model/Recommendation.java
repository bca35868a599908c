package io.rotation.analytics.recommendation.model;

import java.util.List;

/** One recommended record: a score in (0, 1] within its answer and why it was picked. */
public record Recommendation(long recordId, double score, List<String> reasons) {
}
