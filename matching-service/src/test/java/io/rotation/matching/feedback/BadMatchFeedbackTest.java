package io.rotation.matching.feedback;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rotation.contracts.EventType;
import io.rotation.contracts.identity.UserErased;
import io.rotation.contracts.userfeatures.FeedbackSubmitted;
import io.rotation.matching.support.MatchFixtures;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.TestDatabase;
import io.rotation.platform.testing.TestEvents;
import io.rotation.platform.testing.TestTokens;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Listeners' bad_match reports (FeedbackSubmitted) and erasures. The test profile needs two distinct
 * reporters to demote a served match ({@code rotation.matching.feedback.reporters-to-demote=2}).
 */
@QuarkusTest
@WithTestResource(RotationStack.class)
class BadMatchFeedbackTest {

    private static TestEvents events;
    private static String feedbackTopic;
    private static String usersTopic;

    @BeforeAll
    static void open() {
        events = new TestEvents();
        feedbackTopic = ConfigProvider.getConfig().getValue("mp.messaging.incoming.feedback.topic", String.class);
        usersTopic = ConfigProvider.getConfig().getValue("mp.messaging.incoming.identity-users.topic", String.class);
    }

    @AfterAll
    static void close() {
        events.close();
    }

    @Test
    void aServedMatchGoesToReviewAtOnceWhenEnoughDistinctListenersReportIt() {
        long record = MatchFixtures.newId();
        long track = MatchFixtures.releaseWithTrack(record, "Reported Track");
        long match = MatchFixtures.match(track, record, "rp" + record, "auto_approved", 0.95);
        long first = TestTokens.newUserId();
        long second = TestTokens.newUserId();
        given().queryParam("track_id", track).get("/api/v1/matches").then().statusCode(200);

        UUID firstReport = report(first, match);
        awaitReports(match, 1);
        report(first, match);
        awaitReports(match, 2);
        replay(firstReport, first, match);
        assertThat(status(match)).as("one listener, twice, is not two").isEqualTo("auto_approved");

        report(second, match);
        await().atMost(Duration.ofSeconds(30)).until(() -> "needs_review".equals(status(match)));
        Map<String, Object> history = TestDatabase.rows("""
                select old_status::text as old_status, changed_by, reason from audio_match_history
                where audio_match_id = ? and action = 'status_changed'""", match).get(0);
        assertThat(history).containsEntry("old_status", "auto_approved").containsEntry("changed_by", second);
        assertThat((String) history.get("reason")).startsWith("bad_match reported by 2 listeners");
        assertThat(TestDatabase.count("select count(*) from match_reports where audio_match_id = ?", match))
                .as("the replayed report counted once").isEqualTo(3);
        assertThat(given().queryParam("track_id", track).get("/api/v1/matches").then().statusCode(200)
                .extract().jsonPath().getList("items")).as("no longer served (cache evicted)").isEmpty();
        assertThat(given().header("Authorization", "Bearer " + TestTokens.admin(TestTokens.newUserId()))
                .queryParam("limit", 200).get("/api/v1/matches/review-queue").then().statusCode(200)
                .extract().jsonPath().getList("items.match.id", Long.class)).contains(match);
    }

    @Test
    void anUnverifiedMatchGoesToReviewAtTheFirstReportAndOtherFeedbackIsIgnored() {
        long record = MatchFixtures.newId();
        long track = MatchFixtures.releaseWithTrack(record, "Unjudged Track");
        long match = MatchFixtures.match(track, record, "un" + record, "unverified", 0.6);
        long listener = TestTokens.newUserId();
        events.send(feedbackTopic, UUID.randomUUID(), EventType.FEEDBACK_SUBMITTED, "1",
                new FeedbackSubmitted(MatchFixtures.newId(), listener, "bug", "audio_match", match, match, "other",
                        Instant.now()));
        report(listener, match);
        await().atMost(Duration.ofSeconds(30)).until(() -> "needs_review".equals(status(match)));
        assertThat(TestDatabase.count("select count(*) from match_reports where audio_match_id = ?", match))
                .as("only the bad_match").isEqualTo(1);
    }

    @Test
    void anErasedUserNoLongerNamedAsVerifierChangerOrReporter() {
        long record = MatchFixtures.newId();
        long track = MatchFixtures.releaseWithTrack(record, "Erased Track");
        long match = MatchFixtures.match(track, record, "er" + record, "needs_review", 0.7);
        long user = TestTokens.newUserId();
        given().header("Authorization", "Bearer " + TestTokens.admin(user)).contentType("application/json")
                .body(Map.of("status", "verified", "reason", "mine")).patch("/api/v1/matches/" + match)
                .then().statusCode(200);
        report(user, match);
        awaitReports(match, 1);

        events.send(usersTopic, UUID.randomUUID(), EventType.USER_ERASED, String.valueOf(user),
                new UserErased(user, Instant.now()));
        await().atMost(Duration.ofSeconds(30)).until(() -> TestDatabase.count(
                "select count(*) from audio_matches where id = ? and verified_by is null", match) == 1);
        assertThat(TestDatabase.count("select count(*) from audio_match_history where changed_by = ?", user)).isZero();
        assertThat(TestDatabase.count("select count(*) from match_reports where user_id = ?", user)).isZero();
        assertThat(TestDatabase.count("select count(*) from audio_match_history where audio_match_id = ? "
                + "and reason = 'mine'", match)).as("the decision stays").isEqualTo(1);
    }

    private static UUID report(long user, long match) {
        UUID id = UUID.randomUUID();
        replay(id, user, match);
        return id;
    }

    private static void replay(UUID eventId, long user, long match) {
        events.send(feedbackTopic, eventId, EventType.FEEDBACK_SUBMITTED, String.valueOf(eventId.hashCode()),
                new FeedbackSubmitted(Math.abs(eventId.getMostSignificantBits() % 1_000_000_000_000L) + 1, user,
                        "bad_match", "audio_match", match, match, "wrong song", Instant.now()));
    }

    private static void awaitReports(long match, long count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> TestDatabase.count(
                "select count(*) from match_reports where audio_match_id = ?", match) == count);
    }

    private static String status(long match) {
        return (String) TestDatabase.rows("select status::text as s from audio_matches where id = ?", match)
                .get(0).get("s");
    }
}
