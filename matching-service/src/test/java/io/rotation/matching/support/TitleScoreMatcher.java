package io.rotation.matching.support;

import io.rotation.matching.scoring.model.Assignment;
import io.rotation.matching.scoring.model.Candidate;
import io.rotation.matching.scoring.model.ReleaseContext;
import io.rotation.matching.scoring.model.TrackInfo;
import io.rotation.matching.scoring.service.ReleaseMatcher;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A scorer with scores the tests choose: a candidate titled "… Track Title … {0.93}" is the track whose
 * title it contains (the longest such), with confidence 0.93. Tests of matching's plumbing (thresholds,
 * persistence, serving, review) need deterministic scores, not the editor-like scorer.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class TitleScoreMatcher implements ReleaseMatcher {

    private static final Pattern SCORE = Pattern.compile("\\{(\\d(?:\\.\\d+)?)}");

    @Override
    public List<Assignment> assign(ReleaseContext release, List<Candidate> candidates) {
        List<Assignment> out = new ArrayList<>();
        for (Candidate c : candidates) {
            Matcher m = SCORE.matcher(c.title() == null ? "" : c.title());
            if (!m.find()) {
                continue;
            }
            String title = c.title().toLowerCase(Locale.ROOT);
            release.tracks().stream()
                    .filter(t -> title.contains(t.title().toLowerCase(Locale.ROOT)))
                    .max(Comparator.comparingInt(t -> t.title().length()))
                    .map(TrackInfo::trackId)
                    .ifPresent(trackId -> out.add(new Assignment(trackId, c, Double.parseDouble(m.group(1)),
                            Map.of("title", Double.parseDouble(m.group(1)), "scorer", "test"))));
        }
        return out;
    }
}
