package io.rotation.matching.scoring;

import io.rotation.matching.scoring.model.Assignment;
import io.rotation.matching.scoring.model.Thresholds;
import io.rotation.matching.scoring.model.TrackInfo;
import io.rotation.matching.scoring.service.ReleaseMatcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The matcher run over every labelled release of the sample (all of each release's videos at once, as in
 * production), and each labelled video's outcome: the track it went to, with what confidence.
 */
public final class LabelledRun {

    /** A labelled video and what the matcher made of it ({@code position} null: no track). */
    public record Outcome(Labels.Label label, String position, double confidence, Map<String, Object> parts) {

        public boolean right() {
            return position != null && label.positions().contains(position);
        }
    }

    /** Precision and recall of {@code auto_approved}, and where the rest went, on some labels. */
    public record Figures(int tracks, int nones, int autoApproved, int autoApprovedRight, int trackAutoRight,
                          int trackReviewRight, int trackReviewWrong, int trackDropped, int noneReview,
                          int noneDropped) {

        public double precision() {
            return autoApproved == 0 ? 1 : autoApprovedRight / (double) autoApproved;
        }

        public double recall() {
            return tracks == 0 ? 0 : trackAutoRight / (double) tracks;
        }

        /** Videos that are a track: the share sent to review (to the right track or not). */
        public double trackReviewRate() {
            return tracks == 0 ? 0 : (trackReviewRight + trackReviewWrong) / (double) tracks;
        }

        /** Videos that are none of the release's tracks: the share a reviewer still sees. */
        public double noneReviewRate() {
            return nones == 0 ? 0 : noneReview / (double) nones;
        }
    }

    private final List<Outcome> outcomes;

    private LabelledRun(List<Outcome> outcomes) {
        this.outcomes = outcomes;
    }

    public static LabelledRun of(ReleaseMatcher matcher) {
        Map<Long, DiscogsSample.Release> releases = DiscogsSample.releases();
        Map<Long, List<Labels.Label>> byRelease = new HashMap<>();
        for (Labels.Label l : Labels.all()) {
            byRelease.computeIfAbsent(l.releaseId(), k -> new ArrayList<>()).add(l);
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (var entry : byRelease.entrySet()) {
            DiscogsSample.Release release = releases.get(entry.getKey());
            if (release == null) {
                throw new IllegalStateException("labelled release " + entry.getKey() + " is not in the sample");
            }
            Map<String, Assignment> byVideo = new HashMap<>();
            for (Assignment a : matcher.assign(release.context(), release.videos())) {
                byVideo.put(a.candidate().externalId(), a);
            }
            Map<Long, String> positions = new HashMap<>();
            for (TrackInfo t : release.context().tracks()) {
                positions.put(t.trackId(), t.position());
            }
            for (Labels.Label label : entry.getValue()) {
                Assignment a = byVideo.get(label.videoId());
                outcomes.add(a == null ? new Outcome(label, null, 0, Map.of())
                        : new Outcome(label, positions.get(a.trackId()), a.confidence(), a.parts()));
            }
        }
        return new LabelledRun(outcomes);
    }

    public List<Outcome> outcomes() {
        return outcomes;
    }

    public Outcome outcome(String videoId, long releaseId) {
        return outcomes.stream().filter(o -> o.label().videoId().equals(videoId) && o.label().releaseId() == releaseId)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("not labelled: " + videoId));
    }

    public Figures figures(Thresholds thresholds, Predicate<Labels.Label> which) {
        int tracks = 0, nones = 0, auto = 0, autoRight = 0, trackAutoRight = 0, trackReviewRight = 0,
                trackReviewWrong = 0, trackDropped = 0, noneReview = 0, noneDropped = 0;
        for (Outcome o : outcomes) {
            Labels.Label l = o.label();
            if (l.unsure() || !which.test(l)) {
                continue;
            }
            var status = o.position() == null ? java.util.Optional.<io.rotation.matching.audio.model.MatchStatus>empty()
                    : thresholds.statusFor(o.confidence());
            boolean isAuto = status.isPresent() && status.get().name().equals("auto_approved");
            boolean isReview = status.isPresent() && !isAuto;
            if (isAuto) {
                auto++;
                if (o.right()) {
                    autoRight++;
                }
            }
            if (l.isTrack()) {
                tracks++;
                if (isAuto && o.right()) {
                    trackAutoRight++;
                } else if (isReview && o.right()) {
                    trackReviewRight++;
                } else if (isReview || isAuto) {
                    trackReviewWrong++;
                } else {
                    trackDropped++;
                }
            } else {
                nones++;
                if (isReview) {
                    noneReview++;
                } else if (!isAuto) {
                    noneDropped++;
                }
            }
        }
        return new Figures(tracks, nones, auto, autoRight, trackAutoRight, trackReviewRight, trackReviewWrong,
                trackDropped, noneReview, noneDropped);
    }
}
