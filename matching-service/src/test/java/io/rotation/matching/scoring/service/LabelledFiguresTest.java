package io.rotation.matching.scoring.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.rotation.matching.scoring.LabelledRun;
import io.rotation.matching.scoring.Labels;
import io.rotation.matching.scoring.model.Thresholds;
import org.junit.jupiter.api.Test;

/** The figures the suite is judged on, on every hand label (the held-out half included) at the default thresholds. */
class LabelledFiguresTest {

    @Test
    void autoApprovesAtLeast99PercentRightAndMostTrackVideos() {
        LabelledRun run = LabelledRun.of(new EditorReleaseMatcher());
        LabelledRun.Figures all = run.figures(Thresholds.DEFAULTS, l -> true);
        LabelledRun.Figures heldOut = run.figures(Thresholds.DEFAULTS, l -> !l.tuning());
        assertThat(all.tracks()).isGreaterThanOrEqualTo(300);
        assertThat(all.precision()).as("precision of auto_approved, all labels: %s", all).isGreaterThanOrEqualTo(0.99);
        assertThat(all.recall()).as("recall of auto_approved, all labels: %s", all).isGreaterThanOrEqualTo(0.88);
        assertThat(heldOut.precision()).as("held-out precision: %s", heldOut).isGreaterThanOrEqualTo(0.98);
        assertThat(heldOut.recall()).as("held-out recall: %s", heldOut).isGreaterThanOrEqualTo(0.85);
        long firstSet = Labels.all().stream().filter(l -> !l.fresh()).count();
        assertThat(Labels.all().stream().filter(Labels.Label::tuning).count())
                .as("labels.csv is split into a tuning and a held-out half").isBetween(firstSet / 3, firstSet * 2 / 3);
    }
}
