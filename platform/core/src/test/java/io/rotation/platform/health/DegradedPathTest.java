package io.rotation.platform.health;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

class DegradedPathTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-02T04:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final DegradedPath path = new DegradedPath(registry, Logger.getLogger(DegradedPathTest.class),
            "record-cache.read", clock, Duration.ofMinutes(1));

    @Test
    void countsEveryFallbackButLogsOnlyTheFirstOfAMinute() {
        long logged = IntStream.range(0, 10_000)
                .filter(i -> path.taken("record cache unavailable", new IllegalStateException("pool busy")))
                .count();

        assertThat(logged).isEqualTo(1);
        assertThat(registry.counter(DegradedPath.METRIC, "path", "record-cache.read").count()).isEqualTo(10_000);
    }

    @Test
    void logsAgainOnceTheIntervalHasPassed() {
        assertThat(path.taken("down", new RuntimeException())).isTrue();
        now.set(now.get().plusSeconds(59));
        assertThat(path.taken("down", new RuntimeException())).isFalse();
        now.set(now.get().plusSeconds(2));
        assertThat(path.taken("down", new RuntimeException())).isTrue();
        assertThat(path.taken("down", new RuntimeException())).isFalse();
    }

    @Test
    void pathsAreCountedApart() {
        DegradedPath other = new DegradedPath(registry, Logger.getLogger(DegradedPathTest.class), "match-cache.read",
                clock, Duration.ofMinutes(1));
        path.taken("down", new RuntimeException());
        assertThat(other.taken("down", new RuntimeException())).isTrue();
        assertThat(registry.counter(DegradedPath.METRIC, "path", "match-cache.read").count()).isEqualTo(1);
        assertThat(registry.counter(DegradedPath.METRIC, "path", "record-cache.read").count()).isEqualTo(1);
    }
}
