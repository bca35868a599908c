package io.rotation.matching.scoring.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an editor weighs for one candidate against one track, and the sum of it ({@link #logit}: log-odds
 * that the candidate is this track rather than none of the release's). {@link #parts} is what a reviewer reads.
 */
final class Evidence {

    final TrackProfile track;
    double titleSimilarity;
    double artistSimilarity;
    double explained;
    Integer durationDelta;
    double durationWeight;
    final List<String> versionConflicts = new ArrayList<>();
    final List<String> missingMixWords = new ArrayList<>();
    final List<String> unexplainedWords = new ArrayList<>();
    final List<String> unexplainedQualifier = new ArrayList<>();
    String namesOtherTrack;
    String albumUpload;
    boolean positionNamed;
    boolean titleIsReleaseTitle;
    String otherNumber;
    String otherMedium;
    Integer lengthDisputedBy;
    double logit;

    Evidence(TrackProfile track) {
        this.track = track;
    }

    Map<String, Object> parts(double confidence, Evidence runnerUp, String source) {
        Map<String, Object> parts = new LinkedHashMap<>();
        parts.put("track_position", track.track().position());
        parts.put("source", source);
        parts.put("title_similarity", round(titleSimilarity));
        parts.put("artist_similarity", round(artistSimilarity));
        parts.put("title_words_explained", round(explained));
        parts.put("duration_delta_seconds", durationDelta);
        parts.put("duration", durationDelta == null ? "unknown"
                : durationDelta <= 8 ? "agrees" : durationDelta <= 30 ? "close" : "differs");
        if (!versionConflicts.isEmpty()) {
            parts.put("version_conflicts", List.copyOf(versionConflicts));
        }
        if (!missingMixWords.isEmpty()) {
            parts.put("missing_mix_words", List.copyOf(missingMixWords));
        }
        if (!unexplainedWords.isEmpty()) {
            parts.put("unexplained_words", List.copyOf(unexplainedWords));
        }
        if (!unexplainedQualifier.isEmpty()) {
            parts.put("unexplained_qualifier", List.copyOf(unexplainedQualifier));
        }
        if (namesOtherTrack != null) {
            parts.put("names_other_track", namesOtherTrack);
        }
        if (albumUpload != null) {
            parts.put("album_upload", albumUpload);
        }
        if (positionNamed) {
            parts.put("position_named", true);
        }
        if (titleIsReleaseTitle) {
            parts.put("title_is_release_title", true);
        }
        if (otherNumber != null) {
            parts.put("other_number", otherNumber);
        }
        if (otherMedium != null) {
            parts.put("other_medium", otherMedium);
        }
        if (lengthDisputedBy != null) {
            parts.put("plain_upload_seconds", lengthDisputedBy);
        }
        if (runnerUp != null) {
            parts.put("runner_up", runnerUp.track.track().position());
            parts.put("runner_up_margin", round(logit - runnerUp.logit));
        }
        parts.put("evidence_logit", round(logit));
        parts.put("confidence", round(confidence));
        return parts;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
