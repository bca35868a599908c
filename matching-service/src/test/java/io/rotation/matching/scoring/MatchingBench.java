package io.rotation.matching.scoring;

import io.rotation.matching.scoring.model.Thresholds;
import io.rotation.matching.scoring.service.EditorReleaseMatcher;
import java.util.Locale;

/** Work in progress harness: prints figures on the labels. */
public final class MatchingBench {

    public static void main(String[] args) {
        LabelledRun run = LabelledRun.of(new EditorReleaseMatcher());
        boolean verbose = args.length > 0 && args[0].equals("-v");
        for (LabelledRun.Outcome o : run.outcomes()) {
            if (o.label().unsure()) {
                continue;
            }
            boolean auto = o.position() != null && o.confidence() >= Thresholds.DEFAULTS.autoApprove();
            boolean bad = auto && !o.right();
            boolean missed = o.label().isTrack() && !(auto && o.right());
            if (verbose || bad || missed) {
                System.out.printf(Locale.ROOT, "%s %-6s R%d %s [%s] -> %s %.3f %s%n", bad ? "WRONG" : missed ? "MISS " : "ok   ",
                        o.label().tuning() ? "tune" : "hold", o.label().releaseId(), o.label().videoTitle(),
                        String.join("|", o.label().positions()), o.position(), o.confidence(), o.parts());
            }
        }
        for (double t : new double[] {0.9, 0.93, 0.95, 0.97, 0.98, 0.99}) {
            var th = new Thresholds(t, Thresholds.DEFAULT_REVIEW);
            var all = run.figures(th, l -> true);
            var tune = run.figures(th, Labels.Label::tuning);
            var hold = run.figures(th, l -> !l.tuning());
            System.out.printf(Locale.ROOT, "auto>=%.2f all P=%.4f R=%.4f (auto %d) | tune P=%.4f R=%.4f | hold P=%.4f R=%.4f%n",
                    t, all.precision(), all.recall(), all.autoApproved(), tune.precision(), tune.recall(),
                    hold.precision(), hold.recall());
        }
    }
}
