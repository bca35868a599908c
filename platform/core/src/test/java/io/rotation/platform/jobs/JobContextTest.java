package io.rotation.platform.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.rotation.contracts.jobs.JobProgressReported;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobContextTest {

    private final List<JobProgressReported> reports = new ArrayList<>();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));

    private JobContext job(int attempt) {
        return new JobContext("job-7", 7L, "store_sync", "catalog-service", "w1", attempt, Map.of("store_id", 3),
                null, reports::add, Duration.ofSeconds(1), clock);
    }

    @Test
    void reportsProgressAtMostOncePerIntervalButEveryLogLine() {
        JobContext job = job(1);
        job.progress(1, 10L);
        job.progress(2, 10L);
        job.log(JobLevel.WARNING, "listing 5 skipped");
        clock.advance(Duration.ofMillis(1500));
        job.progress(5, 10L);

        assertEquals(3, reports.size());
        assertEquals(10.0, reports.get(0).percent());
        assertEquals("warning", reports.get(1).level());
        assertEquals(2L, reports.get(1).processed());
        assertEquals(50.0, reports.get(2).percent());
        assertEquals("running", reports.get(2).status());
    }

    @Test
    void sequencesGrowWithinARunAndALaterAttemptOutranksAnEarlierOne() {
        JobContext first = job(1);
        first.log(JobLevel.INFO, "a");
        first.log(JobLevel.INFO, "b");
        JobContext second = job(2);
        clock.advance(Duration.ofHours(-1));
        second.log(JobLevel.INFO, "retry, with a clock an hour behind");
        first.log(JobLevel.INFO, "straggler of the first attempt");

        assertTrue(reports.get(1).sequence() > reports.get(0).sequence());
        assertTrue(reports.get(2).sequence() > reports.get(3).sequence(),
                "attempt 2 must outrank anything attempt 1 reports");
    }

    @Test
    void aCancelledRunStopsAtItsNextStep() {
        JobContext job = job(1);
        job.progress(1, 4L);
        job.requestCancel();
        assertThrows(JobCancelledException.class, () -> job.progress(2, 4L));
        assertThrows(JobCancelledException.class, job::checkpoint);
        job.cancelled();
        assertEquals("cancelled", reports.get(reports.size() - 1).status());
    }

    @Test
    void theEndIsReportedOnceAndNothingAfterIt() {
        JobContext job = job(1);
        job.progress(3, 4L);
        job.completed(Map.of("written", 4));
        job.failed("late failure");
        job.heartbeat();

        JobProgressReported last = reports.get(reports.size() - 1);
        assertEquals(2, reports.size());
        assertEquals("completed", last.status());
        assertEquals(100.0, last.percent());
        assertEquals(4L, last.processed());
        assertEquals(Map.of("written", 4), last.result());
        assertTrue(job.finished());
    }

    @Test
    void aFailureCarriesItsErrorAtErrorLevel() {
        JobContext job = job(3);
        job.failed("Discogs answered 500");
        JobProgressReported report = reports.get(0);
        assertEquals("failed", report.status());
        assertEquals("error", report.level());
        assertEquals("Discogs answered 500", report.errorMessage());
        assertNull(report.percent());
        assertEquals(7L, report.jobId());
    }

    private static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

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
            return now;
        }
    }
}
