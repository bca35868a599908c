package io.rotation.matching.scoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rotation.matching.audio.model.MatchStatus;
import io.rotation.matching.scoring.model.Thresholds;
import org.junit.jupiter.api.Test;

class ThresholdsTest {

    @Test
    void autoApprovesAtTheHighThresholdReviewsBetweenAndDropsBelow() {
        Thresholds t = new Thresholds(0.9, 0.4);
        assertThat(t.statusFor(0.9)).contains(MatchStatus.auto_approved);
        assertThat(t.statusFor(0.89)).contains(MatchStatus.needs_review);
        assertThat(t.statusFor(0.4)).contains(MatchStatus.needs_review);
        assertThat(t.statusFor(0.39)).isEmpty();
    }

    @Test
    void refusesALowThresholdAboveTheHighOne() {
        assertThatThrownBy(() -> new Thresholds(0.5, 0.6)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("review=0.6");
        assertThatThrownBy(() -> new Thresholds(1.2, 0.6)).isInstanceOf(IllegalArgumentException.class);
    }
}
