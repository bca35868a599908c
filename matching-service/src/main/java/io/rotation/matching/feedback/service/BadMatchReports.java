package io.rotation.matching.feedback.service;

import io.rotation.contracts.userfeatures.FeedbackSubmitted;
import io.rotation.matching.audio.model.MatchStatus;
import io.rotation.matching.audio.model.MatchView;
import io.rotation.matching.audio.repository.AudioMatchRepository;
import io.rotation.matching.audio.service.MatchAftermath;
import io.rotation.matching.audio.service.MatchChanges;
import io.rotation.matching.audio.service.MatchThresholds;
import io.rotation.matching.feedback.repository.MatchReportRepository;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Listeners' {@code bad_match} reports. Each is recorded once. A match nobody vouched for
 * ({@code unverified}) goes to review at the first report; a served one ({@code auto_approved} or
 * {@code verified}) at once when the setting's number of distinct listeners have reported it since its
 * last review. The status change carries the last reporter as actor and the count as reason.
 */
@ApplicationScoped
public class BadMatchReports {

    public static final String BAD_MATCH = "bad_match";

    private final MatchReportRepository reports;
    private final AudioMatchRepository matches;
    private final MatchAftermath aftermath;
    private final MatchThresholds thresholds;

    public BadMatchReports(MatchReportRepository reports, AudioMatchRepository matches, MatchAftermath aftermath,
                           MatchThresholds thresholds) {
        this.reports = reports;
        this.matches = matches;
        this.aftermath = aftermath;
        this.thresholds = thresholds;
    }

    /** @return the matches changed (for eviction after the commit) */
    public Uni<List<MatchView>> report(SqlConnection connection, FeedbackSubmitted feedback) {
        if (!BAD_MATCH.equals(feedback.feedbackType()) || feedback.audioMatchId() == null) {
            return Uni.createFrom().item(List.of());
        }
        long matchId = feedback.audioMatchId();
        return matches.lock(connection, matchId).chain(match -> match == null ? Uni.createFrom().item(List.<MatchView>of())
                : reports.record(connection, matchId, feedback.feedbackId(), feedback.userId(), feedback.submittedAt())
                        .chain(recorded -> !recorded ? Uni.createFrom().item(List.<MatchView>of())
                                : reports.reportersSinceReview(connection, matchId)
                                        .chain(reporters -> demote(connection, match, reporters, feedback))));
    }

    private Uni<List<MatchView>> demote(SqlConnection connection, MatchView match, long reporters,
                                        FeedbackSubmitted feedback) {
        boolean served = MatchStatus.auto_approved.name().equals(match.status())
                || MatchStatus.verified.name().equals(match.status());
        boolean unjudged = MatchStatus.unverified.name().equals(match.status());
        if (!(unjudged || served && reporters >= thresholds.reportersToDemote())) {
            return Uni.createFrom().item(List.of());
        }
        String reason = "bad_match reported by " + reporters + (reporters == 1 ? " listener" : " listeners")
                + " (feedback " + feedback.feedbackId() + ")";
        MatchChanges changes = new MatchChanges().statusChanged(match.id(), match.trackId(), match.status(), reason,
                feedback.userId());
        return matches.sayWhoAndWhy(connection, feedback.userId(), reason)
                .chain(() -> matches.setStatus(connection, new Long[] {match.id()}, MatchStatus.needs_review.name(),
                        null))
                .chain(() -> aftermath.settle(connection, changes));
    }
}
