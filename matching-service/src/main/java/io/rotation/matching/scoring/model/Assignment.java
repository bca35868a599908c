package io.rotation.matching.scoring.model;

import java.util.Map;

/**
 * A candidate judged to be one track: {@code confidence} in 0..1 and the evidence behind it
 * ({@code parts}, stored with the match as JSONB so that a reviewer sees why).
 */
public record Assignment(long trackId, Candidate candidate, double confidence, Map<String, Object> parts) {
}
