package io.rotation.matching.audio.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.rotation.matching.json.JsonText;
import io.rotation.matching.audio.model.MatchStatus;
import io.rotation.matching.audio.model.MatchView;
import io.rotation.matching.audio.repository.AudioMatchRepository;
import io.rotation.matching.audio.repository.AudioMatchRepository.Existing;
import io.rotation.matching.audio.repository.AudioMatchRepository.NewRow;
import io.rotation.matching.audio.repository.AudioMatchRepository.ScoreUpdate;
import io.rotation.matching.candidate.repository.CandidateRepository;
import io.rotation.matching.candidate.repository.CandidateRepository.ScoredCandidate;
import io.rotation.matching.release.model.ReleaseToMatch;
import io.rotation.matching.release.repository.ReleaseRepository;
import io.rotation.matching.scoring.model.Assignment;
import io.rotation.matching.scoring.model.Candidate;
import io.rotation.matching.scoring.model.TrackInfo;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes a batch of scored releases in one transaction: every assignment into match_candidates (the
 * reviewer's evidence for an hour); those at or above the review threshold into audio_matches as
 * {@code auto_approved} or {@code needs_review} with their score parts; then primaries, legacy rows
 * and events ({@link MatchAftermath}), and the releases marked considered.
 * <p>
 * Human decisions stand: a verified, rejected or hand-added match keeps its status (its score is
 * refreshed), and a match listeners reported stays in review. A machine match the matcher no longer
 * gives goes back to {@code unverified} (not served, not queued).
 */
@ApplicationScoped
public class MatchWriter {

    static final String REASON = "automatic matching";
    static final String RETIRED = "automatic matching: no longer this track's match";

    /** A release and what the scorer made of its candidates. */
    public record Scored(ReleaseToMatch release, List<Assignment> assignments) {
    }

    private final Pool pool;
    private final AudioMatchRepository matches;
    private final CandidateRepository candidates;
    private final ReleaseRepository releases;
    private final MatchAftermath aftermath;
    private final MatchThresholds thresholds;
    private final ObjectMapper mapper;

    public MatchWriter(Pool pool, AudioMatchRepository matches, CandidateRepository candidates,
                       ReleaseRepository releases, MatchAftermath aftermath, MatchThresholds thresholds,
                       ObjectMapper mapper) {
        this.pool = pool;
        this.matches = matches;
        this.candidates = candidates;
        this.releases = releases;
        this.aftermath = aftermath;
        this.thresholds = thresholds;
        this.mapper = mapper;
    }

    /**
     * Writes the batch in one transaction, then evicts the served lists of the matches it created or changed.
     * @return those matches
     */
    public Uni<List<MatchView>> write(List<Scored> batch, Long jobId) {
        List<Assignment> assignments = new ArrayList<>();
        Map<Long, Long> recordOfTrack = new HashMap<>();
        for (Scored scored : batch) {
            assignments.addAll(onePerCandidate(scored.assignments()));
            for (TrackInfo t : scored.release().context().tracks()) {
                recordOfTrack.put(t.trackId(), scored.release().context().recordId());
            }
        }
        Long[] trackIds = recordOfTrack.keySet().toArray(Long[]::new);
        return pool.withTransaction(connection -> matches.sayWhoAndWhy(connection, null, REASON)
                .chain(() -> candidates.upsert(connection, assignments.stream()
                        .filter(a -> recordOfTrack.containsKey(a.trackId()))
                        .map(a -> candidate(a, jobId)).toList()))
                .chain(() -> matches.lockOfTracks(connection, trackIds))
                .chain(existing -> apply(connection, assignments, recordOfTrack, existing))
                .call(() -> releases.markConsidered(connection, batch.stream().map(Scored::release).toList())))
                .call(aftermath::evict);
    }

    private Uni<List<MatchView>> apply(SqlConnection connection, List<Assignment> assignments,
                                       Map<Long, Long> recordOfTrack, List<Existing> existing) {
        Map<String, Existing> byKey = new HashMap<>();
        existing.forEach(e -> byKey.put(key(e.trackId(), e.platform(), e.externalId()), e));
        MatchChanges changes = new MatchChanges();
        List<NewRow> inserts = new ArrayList<>();
        List<ScoreUpdate> updates = new ArrayList<>();
        Set<Long> kept = new HashSet<>();
        double review = thresholds.review();
        double auto = thresholds.autoApprove();
        for (Assignment a : assignments) {
            Long recordId = recordOfTrack.get(a.trackId());
            if (recordId == null || !(a.confidence() >= review)) {
                continue;
            }
            Candidate c = a.candidate();
            String status = (a.confidence() >= auto ? MatchStatus.auto_approved : MatchStatus.needs_review).name();
            String metadata = metadata(a, auto, review);
            Existing e = byKey.get(key(a.trackId(), c.platform(), c.externalId()));
            if (e == null) {
                inserts.add(new NewRow(a.trackId(), recordId, c.platform(), c.externalId(), c.url(), c.title(),
                        c.channelName(), c.durationSeconds(), Math.min(1, a.confidence()), status,
                        Candidate.SOURCE_RELEASE_VIDEO.equals(c.source()) ? "discogs_video" : "search", null,
                        c.viewCount(), c.likeCount(), metadata));
                continue;
            }
            kept.add(e.id());
            String next = humanDecided(e) || (e.reported() && MatchStatus.needs_review.name().equals(e.status()))
                    ? e.status() : status;
            updates.add(new ScoreUpdate(e.id(), Math.min(1, a.confidence()), next, metadata));
            changes.touched(e.trackId());
            if (!next.equals(e.status())) {
                changes.statusChanged(e.id(), e.trackId(), e.status(), REASON, null);
            }
        }
        List<Long> retired = new ArrayList<>();
        for (Existing e : existing) {
            if (!kept.contains(e.id()) && !humanDecided(e) && !MatchStatus.unverified.name().equals(e.status())) {
                retired.add(e.id());
                changes.statusChanged(e.id(), e.trackId(), e.status(), RETIRED, null);
            }
        }
        return matches.updateScores(connection, updates)
                .chain(() -> matches.insert(connection, inserts))
                .invoke(ids -> {
                    for (int i = 0; i < ids.size(); i++) {
                        changes.created(ids.get(i), inserts.get(i).trackId());
                    }
                })
                .chain(() -> retired.isEmpty() ? Uni.createFrom().voidItem()
                        : matches.sayWhoAndWhy(connection, null, RETIRED)
                        .chain(() -> matches.setStatus(connection, retired.toArray(Long[]::new),
                                MatchStatus.unverified.name(), null)))
                .chain(() -> aftermath.settle(connection, changes));
    }

    /** A candidate is at most one track's: should the scorer give one to two tracks, the surer one keeps it. */
    static List<Assignment> onePerCandidate(List<Assignment> assignments) {
        Map<String, Assignment> best = new LinkedHashMap<>();
        for (Assignment a : assignments) {
            best.merge(a.candidate().platform() + ":" + a.candidate().externalId(), a,
                    (x, y) -> y.confidence() > x.confidence() ? y : x);
        }
        return List.copyOf(best.values());
    }

    private static boolean humanDecided(Existing e) {
        return MatchStatus.verified.name().equals(e.status()) || MatchStatus.rejected.name().equals(e.status())
                || "manual".equals(e.matchMethod());
    }

    private ScoredCandidate candidate(Assignment a, Long jobId) {
        Candidate c = a.candidate();
        return new ScoredCandidate(a.trackId(), jobId, c.platform(), c.externalId(), c.url(), c.title(),
                c.channelName(), c.durationSeconds(), Double.isNaN(a.confidence()) ? 0 : Math.max(0, Math.min(1, a.confidence())), null,
                JsonText.write(mapper, Map.of("source", c.source(), "parts", a.parts())));
    }

    private String metadata(Assignment a, double auto, double review) {
        return JsonText.write(mapper, Map.of("source", a.candidate().source(), "parts", a.parts(),
                "thresholds", Map.of("auto_approve", auto, "review", review)));
    }


    private static String key(long trackId, String platform, String externalId) {
        return trackId + ":" + platform + ":" + externalId;
    }
}
