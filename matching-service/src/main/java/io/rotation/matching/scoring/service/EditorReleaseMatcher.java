package io.rotation.matching.scoring.service;

import io.rotation.matching.scoring.model.Assignment;
import io.rotation.matching.scoring.model.Candidate;
import io.rotation.matching.scoring.model.ReleaseContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Judges a release's candidates the way a music editor does. Each candidate is weighed against every
 * playable track ({@link Evidence}: title, artist, what else its title says, duration, version words,
 * album uploads, other tracks named, the position); the release's tracks then compete for it, with
 * "none of them" as one more option: {@code confidence = e^best / (1 + Σ e^track)}. Two mixes that the
 * title cannot tell apart therefore share the belief and neither is sure; the same track on two media
 * (LP and CD of one release) counts once. A candidate goes to one track at most.
 */
@ApplicationScoped
public class EditorReleaseMatcher implements ReleaseMatcher {

    /** Below this, the candidate's title shares too little with any track to be worth a reviewer's time. */
    static final double MIN_TITLE_SIMILARITY = 0.5;
    private static final double MIN_CONFIDENCE = 0.01;

    @Override
    public List<Assignment> assign(ReleaseContext release, List<Candidate> candidates) {
        ReleaseProfile profile = ReleaseProfile.of(release);
        List<Assignment> out = new ArrayList<>();
        if (profile.tracks().isEmpty() || candidates == null) {
            return out;
        }
        int[] group = sameTrackGroups(profile.tracks());
        List<VideoProfile> videos = candidates.stream().map(VideoProfile::of).toList();
        List<Assignment> first = new ArrayList<>();
        for (VideoProfile video : videos) {
            first.add(judge(profile, group, video, null));
        }
        for (int c = 0; c < videos.size(); c++) {
            Assignment a = first.get(c);
            Integer plain = a == null || !untimed(profile, a.trackId()) ? null : otherLength(videos, first, c);
            if (plain != null) {
                a = judge(profile, group, videos.get(c), new Disputed(a.trackId(), plain));
            }
            if (a != null) {
                out.add(a);
            }
        }
        return out;
    }

    /** A music video's length disputed, for one track, by a plain upload of it of this length. */
    private record Disputed(long trackId, int plainSeconds) {
    }

    /**
     * For a music video judged to be an untimed track: the length of a plain upload judged to be the same track
     * that runs more than a fifth longer or shorter. Both cannot be the record; the plain one is the likelier, as
     * a video is often an edit of it.
     */
    private static Integer otherLength(List<VideoProfile> videos, List<Assignment> judged, int c) {
        VideoProfile video = videos.get(c);
        Integer seconds = video.durationSeconds();
        if (!video.musicVideo() && !video.bracketWords().contains("video") || seconds == null) {
            return null;
        }
        for (int o = 0; o < videos.size(); o++) {
            VideoProfile other = videos.get(o);
            Assignment a = judged.get(o);
            Integer length = other.durationSeconds();
            if (o != c && a != null && a.trackId() == judged.get(c).trackId() && length != null && !other.musicVideo()
                    && !other.bracketWords().contains("video") && Math.abs(length - seconds) > 0.2 * length
                    && !a.parts().containsKey("version_conflicts")) {
                return length;
            }
        }
        return null;
    }

    private static boolean untimed(ReleaseProfile release, long trackId) {
        return release.tracks().stream().anyMatch(t -> t.track().trackId() == trackId && t.duration() == null);
    }

    private Assignment judge(ReleaseProfile release, int[] group, VideoProfile video, Disputed disputed) {
        List<TrackProfile> tracks = release.tracks();
        Evidence[] evidence = new Evidence[tracks.size()];
        for (int i = 0; i < tracks.size(); i++) {
            evidence[i] = Weighing.weigh(release, tracks.get(i), video);
            if (disputed != null && tracks.get(i).track().trackId() == disputed.trackId()) {
                Weighing.disputeLength(evidence[i], disputed.plainSeconds());
            }
        }
        double[] groupBest = new double[tracks.size()];
        Arrays.fill(groupBest, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < tracks.size(); i++) {
            groupBest[group[i]] = Math.max(groupBest[group[i]], evidence[i].logit);
        }
        int best = -1;
        for (int i = 0; i < tracks.size(); i++) {
            if (best < 0 || evidence[i].logit > evidence[best].logit) {
                best = i;
            }
        }
        Evidence chosen = evidence[best];
        if (chosen.titleSimilarity < MIN_TITLE_SIMILARITY) {
            return null;
        }
        double sum = Math.exp(-chosen.logit);
        Evidence runnerUp = null;
        for (double logit : groupBest) {
            if (logit > Double.NEGATIVE_INFINITY) {
                sum += Math.exp(logit - chosen.logit);
            }
        }
        for (int i = 0; i < tracks.size(); i++) {
            if (group[i] != group[best] && (runnerUp == null || evidence[i].logit > runnerUp.logit)) {
                runnerUp = evidence[i];
            }
        }
        double confidence = 1 / sum;
        if (!(confidence >= MIN_CONFIDENCE)) {
            return null;
        }
        return new Assignment(chosen.track.track().trackId(), video.candidate(),
                confidence, chosen.parts(confidence, runnerUp, video.candidate().source()));
    }

    /**
     * The same song listed twice is one option, the first listed: on two media of one release (LP side A and CD),
     * or on both sides of a single as long on each ("Leave My Woman Alone" A and B, a mono and a stereo cut).
     */
    private static int[] sameTrackGroups(List<TrackProfile> tracks) {
        int[] group = new int[tracks.size()];
        for (int i = 0; i < tracks.size(); i++) {
            group[i] = i;
            TrackProfile t = tracks.get(i);
            for (int j = 0; j < i; j++) {
                TrackProfile earlier = tracks.get(j);
                boolean twoMedia = earlier.identity().equals(t.identity()) && !earlier.media().equals(t.media())
                        && sameLength(earlier.duration(), t.duration());
                boolean bothSides = earlier.song().equals(t.song()) && earlier.mixWords().equals(t.mixWords())
                        && earlier.duration() != null && t.duration() != null && sameLength(earlier.duration(), t.duration());
                if (group[j] == j && (twoMedia || bothSides)) {
                    group[i] = j;
                    break;
                }
            }
        }
        return group;
    }

    private static boolean sameLength(Integer a, Integer b) {
        return a == null || b == null || Math.abs(a - b) <= 3;
    }

    static Set<String> words(List<List<String>> lists) {
        Set<String> out = new HashSet<>();
        lists.forEach(out::addAll);
        return out;
    }
}
