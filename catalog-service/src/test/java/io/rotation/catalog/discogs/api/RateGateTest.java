package io.rotation.catalog.discogs.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rate gate's waits, on a fake clock that the fake sleeper advances. */
class RateGateTest {

    private static final Duration WINDOW = Duration.ofSeconds(60);

    private final FakeClock clock = new FakeClock();
    private final List<Duration> sleeps = new ArrayList<>();

    private RateGate gate(int limit) {
        return new RateGate(limit, WINDOW, 5, Duration.ofSeconds(120), clock, d -> {
            sleeps.add(d);
            clock.now = clock.now.plus(d);
        });
    }

    @Test
    void letsTheLimitThroughThenWaitsForTheOldestRequestToLeaveTheWindow() throws Exception {
        RateGate gate = gate(3);
        for (int i = 0; i < 3; i++) {
            gate.acquire();
            clock.now = clock.now.plusSeconds(1);
        }
        assertThat(sleeps).isEmpty();
        gate.acquire();
        // the first request went out at t=0, now is t=3: the fourth waits until t=60
        assertThat(sleeps).containsExactly(Duration.ofSeconds(57));
    }

    @Test
    void waitsAWholeWindowWhenDiscogsSaysNothingRemains() throws Exception {
        RateGate gate = gate(60);
        gate.acquire();
        gate.observe(60, 0);
        gate.acquire();
        assertThat(sleeps).containsExactly(WINDOW);
    }

    @Test
    void spreadsTheLastRequestsWhenFewRemain() throws Exception {
        RateGate gate = gate(60);
        gate.acquire();
        gate.observe(60, 3);
        gate.acquire();
        assertThat(sleeps).containsExactly(Duration.ofSeconds(15));
        gate.observe(60, 40);
        gate.acquire();
        assertThat(sleeps).hasSize(1);
    }

    @Test
    void aLowerAnnouncedLimitLowersTheGate() throws Exception {
        RateGate gate = gate(60);
        gate.observe(25, 24);
        assertThat(gate.limit()).isEqualTo(25);
        gate.observe(240, 200);
        assertThat(gate.limit()).as("never above the configured limit").isEqualTo(60);
    }

    @Test
    void aPauseDelaysTheNextRequestUpToTheLongestWait() throws Exception {
        RateGate gate = gate(60);
        gate.pause(Duration.ofSeconds(2));
        gate.acquire();
        gate.pause(Duration.ofHours(1));
        gate.acquire();
        assertThat(sleeps).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(120));
    }

    private static final class FakeClock extends Clock {
        Instant now = Instant.parse("2026-11-29T12:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
