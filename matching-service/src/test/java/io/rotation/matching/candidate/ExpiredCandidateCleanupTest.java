package io.rotation.matching.candidate;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rotation.matching.candidate.service.ExpiredCandidateCleanup;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.TestDatabase;
import io.rotation.platform.testing.TestTokens;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(RotationStack.class)
class ExpiredCandidateCleanupTest {

    @Inject
    ExpiredCandidateCleanup cleanup;

    @Test
    void deletesExpiredCandidatesAndKeepsLiveOnes() throws Exception {
        long trackId = TestTokens.newUserId();
        TestDatabase.update("""
                insert into match_candidates (track_id, platform, external_id, score, created_at, expires_at)
                values (?, 'youtube', 'stale', 0.4, now() - interval '3 hours', now() - interval '2 hours'),
                       (?, 'soundcloud', 'staler', 0.2, now() - interval '5 hours', now() - interval '4 hours')""",
                trackId, trackId);
        TestDatabase.update("insert into match_candidates (track_id, platform, external_id, score) "
                + "values (?, 'youtube', 'live', 0.9)", trackId);

        int deleted = cleanup.cleanUp().await().atMost(Duration.ofSeconds(10));

        assertThat(deleted).isGreaterThanOrEqualTo(2);
        assertThat(TestDatabase.count("select count(*) from match_candidates where track_id = ?", trackId))
                .isEqualTo(1);
        assertThat(TestDatabase.count("select count(*) from match_candidates where track_id = ? "
                + "and external_id = 'live'", trackId)).isEqualTo(1);
        assertThat(cleanup.cleanUp().await().atMost(Duration.ofSeconds(10))).as("nothing left to expire").isZero();
    }
}
