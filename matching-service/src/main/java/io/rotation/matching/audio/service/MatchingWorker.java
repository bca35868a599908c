package io.rotation.matching.audio.service;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduled;
import io.rotation.matching.candidate.service.CandidateGatherer;
import io.rotation.matching.release.model.ReleaseToMatch;
import io.rotation.matching.release.repository.ReleaseRepository;
import io.rotation.matching.scoring.model.Assignment;
import io.rotation.matching.scoring.model.Candidate;
import io.rotation.matching.scoring.service.ReleaseMatcher;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Matches the releases the catalog consumer queued, without anyone asking: every few seconds it
 * claims batches of queued releases (skipping other replicas' claims), gathers their candidates,
 * scores them off the event loop and writes the outcome, until the queue is empty. A replica that
 * dies mid-batch leaves its claim to expire; the batch is then matched again, which is harmless.
 */
@ApplicationScoped
public class MatchingWorker {

    private static final Logger LOG = Logger.getLogger(MatchingWorker.class);

    private final ReleaseRepository releases;
    private final CandidateGatherer gatherer;
    private final ReleaseMatcher matcher;
    private final MatchWriter writer;
    private final MatchingSettings settings;
    private final Counter releasesConsidered;
    private final Counter tracksConsidered;

    public MatchingWorker(ReleaseRepository releases, CandidateGatherer gatherer, ReleaseMatcher matcher,
                          MatchWriter writer, MatchingSettings settings, MeterRegistry registry) {
        this.releases = releases;
        this.gatherer = gatherer;
        this.matcher = matcher;
        this.writer = writer;
        this.settings = settings;
        this.releasesConsidered = Counter.builder("rotation.matching.releases.considered").register(registry);
        this.tracksConsidered = Counter.builder("rotation.matching.tracks.considered").register(registry);
    }

    @Scheduled(every = "${rotation.matching.worker.every:2s}", delayed = "3s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> scheduled() {
        if (!settings.worker().enabled()) {
            return Uni.createFrom().voidItem();
        }
        return drain(null).onFailure().invoke(e -> LOG.warnf("matching run failed, retried next tick: %s", e.toString()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    /** Matches queued releases batch by batch until none is left; how many releases were matched. */
    public Uni<Integer> drain(Long jobId) {
        return runOnce(jobId).chain(n -> n == 0 ? Uni.createFrom().item(0) : drain(jobId).map(m -> n + m));
    }

    /** Claims and matches one batch; how many releases it held (0: the queue is empty). */
    public Uni<Integer> runOnce(Long jobId) {
        return releases.claim(settings.worker().batchSize(), settings.worker().claim())
                .chain(claimed -> claimed.isEmpty() ? Uni.createFrom().item(0) : match(claimed, jobId));
    }

    private Uni<Integer> match(List<ReleaseToMatch> claimed, Long jobId) {
        return Multi.createFrom().iterable(claimed)
                .onItem().transformToUniAndConcatenate(release -> gatherer.gather(release)
                        .emitOn(Infrastructure.getDefaultWorkerPool())
                        .map(candidates -> new MatchWriter.Scored(release, score(release, candidates))))
                .collect().asList()
                .chain(scored -> writer.write(scored, jobId))
                .onFailure().call(e -> releases.releaseClaims(claimed).onFailure().recoverWithNull())
                .map(changed -> {
                    releasesConsidered.increment(claimed.size());
                    tracksConsidered.increment(claimed.stream().mapToInt(r -> r.context().tracks().size()).sum());
                    return claimed.size();
                });
    }

    /** The scorer's assignments; a release it cannot score is logged and left without matches, not retried. */
    private List<Assignment> score(ReleaseToMatch release, List<Candidate> candidates) {
        if (candidates.isEmpty()) {
            return List.of();
        }
        try {
            return matcher.assign(release.context(), candidates);
        } catch (RuntimeException e) {
            LOG.errorf(e, "scoring record %d failed; it stays without new matches", release.context().recordId());
            return List.of();
        }
    }
}
