package io.rotation.matching.release.model;

import io.rotation.contracts.catalog.RecordUpserted;
import io.rotation.matching.scoring.model.ReleaseContext;
import java.time.Instant;
import java.util.List;

/**
 * A release claimed by the matching worker: what the scorer sees, the videos the release lists on
 * Discogs, and the request time the worker clears when done (a later request stays queued).
 */
public record ReleaseToMatch(ReleaseContext context, List<RecordUpserted.Video> videos, Instant requestedAt) {
}
