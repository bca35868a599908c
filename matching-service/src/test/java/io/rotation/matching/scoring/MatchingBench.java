package io.rotation.matching.scoring;

import io.rotation.matching.scoring.model.Candidate;
import io.rotation.matching.scoring.model.Thresholds;
import io.rotation.matching.scoring.model.TrackInfo;
import io.rotation.matching.scoring.service.EditorReleaseMatcher;
import io.rotation.matching.scoring.service.ReleaseMatcher;
import io.rotation.matching.scoring.service.TextNormalizer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * bench/matching: the scorer's precision and recall of {@code auto_approved} on the hand labels (tuning
 * half, held-out half, all), where the rest goes (review, dropped), and its speed over the whole sample
 * in tracks/s against a baseline measured in the same run (a naive matcher that only looks for each
 * track's normalised title in each video's). Run by bench/matching/run.sh; appends one JSON line to
 * bench/results.jsonl. {@code -v} also prints every labelled video the scorer gets wrong or misses.
 */
public final class MatchingBench {

    private MatchingBench() {
    }

    public static void main(String[] args) throws IOException {
        boolean verbose = List.of(args).contains("-v");
        boolean tuningOnly = List.of(args).contains("--tuning-only");
        Thresholds thresholds = Thresholds.DEFAULTS;
        ReleaseMatcher matcher = new EditorReleaseMatcher();
        LabelledRun run = LabelledRun.of(matcher);
        if (verbose) {
            printMistakes(run, thresholds, tuningOnly);
        }
        if (tuningOnly) {
            // while the weights are being tuned: the tuning half only, nothing of the held-out half, nothing appended
            System.out.printf(Locale.ROOT, "%-9s %6s %6s %6s %10s %8s %13s %13s %13s%n", "labels", "track", "none",
                    "auto", "precision", "recall", "track→review", "track→drop", "none→review");
            row("tuning", run.figures(thresholds, Labels.Label::tuning));
            for (double t : new double[] {0.90, 0.93, 0.95, 0.97, 0.99}) {
                LabelledRun.Figures f = run.figures(new Thresholds(t, Math.min(t, thresholds.review())),
                        Labels.Label::tuning);
                System.out.printf(Locale.ROOT, "  %.2f  %.4f / %.4f%n", t, f.precision(), f.recall());
            }
            return;
        }
        LabelledRun.Figures tune = run.figures(thresholds, Labels.Label::tuning);
        LabelledRun.Figures held = run.figures(thresholds, Labels.Label::heldOut);
        List<LabelledRun.Figures> freshSets = new ArrayList<>();
        for (int set = 1; set <= Labels.FRESH.size(); set++) {
            int n = set;
            freshSets.add(run.figures(thresholds, l -> l.freshSet() == n));
        }
        LabelledRun.Figures all = run.figures(thresholds, l -> true);
        System.out.printf(Locale.ROOT, "thresholds: auto_approved >= %.2f, needs_review >= %.2f%n",
                thresholds.autoApprove(), thresholds.review());
        System.out.printf(Locale.ROOT, "%-9s %6s %6s %6s %10s %8s %13s %13s %13s%n", "labels", "track", "none",
                "auto", "precision", "recall", "track→review", "track→drop", "none→review");
        row("tuning", tune);
        row("held-out", held);
        for (int i = 0; i < freshSets.size(); i++) {
            row("fresh-" + (i + 1), freshSets.get(i));
        }
        row("all", all);
        System.out.println();
        System.out.println("threshold sweep on the tuning half (precision / recall of auto_approved):");
        for (double t : new double[] {0.90, 0.93, 0.95, 0.97, 0.99}) {
            LabelledRun.Figures f = run.figures(new Thresholds(t, Math.min(t, thresholds.review())),
                    Labels.Label::tuning);
            System.out.printf(Locale.ROOT, "  %.2f  %.4f / %.4f%n", t, f.precision(), f.recall());
        }

        Collection<DiscogsSample.Release> sample = DiscogsSample.releases().values();
        int tracks = sample.stream().mapToInt(r -> r.context().tracks().size()).sum();
        int videos = sample.stream().mapToInt(r -> r.videos().size()).sum();
        double scorer = tracksPerSecond(sample, tracks, r -> matcher.assign(r.context(), r.videos()).size());
        double baseline = tracksPerSecond(sample, tracks, MatchingBench::naiveMatches);
        System.out.println();
        System.out.printf(Locale.ROOT, "speed over the whole sample (%d releases, %d tracks, %d videos):%n",
                sample.size(), tracks, videos);
        System.out.printf(Locale.ROOT, "  scorer           %,12.0f tracks/s%n", scorer);
        System.out.printf(Locale.ROOT, "  naive baseline   %,12.0f tracks/s%n", baseline);
        System.out.printf(Locale.ROOT, "  ratio            %12.3f%n", scorer / baseline);

        StringBuilder freshJson = new StringBuilder();
        for (int i = 0; i < freshSets.size(); i++) {
            // fresh-1's fields are unnumbered: the name they had before there were more sets
            String k = i == 0 ? "fresh" : "fresh" + (i + 1);
            LabelledRun.Figures f = freshSets.get(i);
            freshJson.append(String.format(Locale.ROOT, "\"labels_%s_track\": %d, \"labels_%s_none\": %d, "
                    + "\"precision_%s\": %.4f, \"recall_%s\": %.4f, ", k, f.tracks(), k, f.nones(), k, f.precision(),
                    k, f.recall()));
        }
        String json = String.format(Locale.ROOT, "{\"ts\": \"%s\", \"commit\": \"%s\", \"bench\": \"matching\", "
                        + "\"auto_approve_threshold\": %.2f, \"review_threshold\": %.2f, "
                        + "\"labels_track\": %d, \"labels_none\": %d, "
                        + "\"precision_tuning\": %.4f, \"recall_tuning\": %.4f, "
                        + "\"precision_held_out\": %.4f, \"recall_held_out\": %.4f, %s"
                        + "\"precision_all\": %.4f, \"recall_all\": %.4f, "
                        + "\"track_review_rate_all\": %.4f, \"none_review_rate_all\": %.4f, "
                        + "\"tracks\": %d, \"tracks_per_sec\": %.0f, \"baseline_tracks_per_sec\": %.0f, "
                        + "\"ratio_to_baseline\": %.4f}",
                Instant.now().truncatedTo(ChronoUnit.SECONDS), System.getProperty("bench.commit", "unknown"),
                thresholds.autoApprove(), thresholds.review(), all.tracks(), all.nones(), tune.precision(),
                tune.recall(), held.precision(), held.recall(), freshJson, all.precision(), all.recall(),
                all.trackReviewRate(), all.noneReviewRate(), tracks, scorer, baseline, scorer / baseline);
        String results = System.getProperty("bench.results");
        if (results != null) {
            Files.writeString(Path.of(results), json + System.lineSeparator(), StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            System.out.println("appended to " + results);
        }
    }

    private static void row(String name, LabelledRun.Figures f) {
        System.out.printf(Locale.ROOT, "%-9s %6d %6d %6d %10.4f %8.4f %13.4f %13.4f %13.4f%n", name, f.tracks(),
                f.nones(), f.autoApproved(), f.precision(), f.recall(), f.trackReviewRate(),
                f.tracks() == 0 ? 0 : f.trackDropped() / (double) f.tracks(), f.noneReviewRate());
    }

    private interface Work {
        int on(DiscogsSample.Release release);
    }

    /** Tracks per second of {@code work} over every release: warmed up, then timed for at least 3 s. */
    private static double tracksPerSecond(Collection<DiscogsSample.Release> sample, int tracks, Work work) {
        long sink = 0;
        for (int i = 0; i < 3; i++) {
            for (DiscogsSample.Release r : sample) {
                sink += work.on(r);
            }
        }
        int passes = 0;
        long start = System.nanoTime();
        long elapsed;
        do {
            for (DiscogsSample.Release r : sample) {
                sink += work.on(r);
            }
            passes++;
            elapsed = System.nanoTime() - start;
        } while (elapsed < 3_000_000_000L);
        if (sink == Long.MIN_VALUE) {
            System.out.println(sink);
        }
        return tracks * (double) passes / (elapsed / 1e9);
    }

    /** The cheapest matcher worth the name: a video is each track whose normalised title its title contains. */
    private static int naiveMatches(DiscogsSample.Release release) {
        List<String> titles = new ArrayList<>();
        for (TrackInfo t : release.context().tracks()) {
            titles.add(" " + TextNormalizer.normalize(t.title()) + " ");
        }
        int matches = 0;
        for (Candidate c : release.videos()) {
            String title = " " + TextNormalizer.normalize(c.title()) + " ";
            for (String t : titles) {
                if (t.length() > 2 && title.contains(t)) {
                    matches++;
                }
            }
        }
        return matches;
    }

    private static void printMistakes(LabelledRun run, Thresholds thresholds, boolean tuningOnly) {
        for (LabelledRun.Outcome o : run.outcomes()) {
            if (o.label().unsure() || (tuningOnly && !o.label().tuning())) {
                continue;
            }
            boolean auto = o.position() != null && o.confidence() >= thresholds.autoApprove();
            boolean wrong = auto && !o.right();
            boolean missed = o.label().isTrack() && !(auto && o.right());
            if (wrong || missed) {
                System.out.printf(Locale.ROOT, "%s %-8s R%d %s [%s] -> %s %.3f %s%n", wrong ? "WRONG" : "MISS ",
                        o.label().tuning() ? "tuning" : o.label().fresh() ? "fresh-" + o.label().freshSet() : "held-out", o.label().releaseId(), o.label().videoTitle(),
                        String.join("|", o.label().positions()), o.position(), o.confidence(), o.parts());
            }
        }
    }
}
