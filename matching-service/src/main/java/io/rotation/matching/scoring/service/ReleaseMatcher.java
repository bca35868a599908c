package io.rotation.matching.scoring.service;

import io.rotation.matching.scoring.model.Assignment;
import io.rotation.matching.scoring.model.Candidate;
import io.rotation.matching.scoring.model.ReleaseContext;
import java.util.List;

/**
 * Scores a release's candidates against all of its tracks at once, as an editor would: a candidate
 * is at most one track's (a video naming two tracks, or the whole release, is none's), a track may
 * get several. Returns every assignment above zero confidence; the caller applies the thresholds
 * ({@code auto_approved} / {@code needs_review} / dropped) that are settings.
 */
public interface ReleaseMatcher {

    List<Assignment> assign(ReleaseContext release, List<Candidate> candidates);
}
