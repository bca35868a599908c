package io.rotation.identity.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rotation.identity.IdentityFixture;
import io.rotation.identity.auth.service.RefreshTokenCleanup;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.TestDatabase;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(RotationStack.class)
class RefreshTokenCleanupTest {

    @Inject
    RefreshTokenCleanup cleanup;

    @Test
    void deletesExactlyTheTokensExpiredOrRevokedLongerThanTheGraceAgo() {
        long user = IdentityFixture.register(IdentityFixture.uniqueName());
        UUID family = UUID.randomUUID();
        String live = insert(user, family, "now() + interval '10 days'", null, null);
        String used = insert(user, family, "now() + interval '10 days'", "now() - interval '3 days'", null);
        String expiredRecently = insert(user, family, "now() - interval '1 hour'", null, null);
        String revokedRecently = insert(user, family, "now() + interval '10 days'", null, "now() - interval '1 hour'");
        String expiredLongAgo = insert(user, family, "now() - interval '2 days'", null, null);
        String revokedLongAgo = insert(user, family, "now() + interval '10 days'", null, "now() - interval '2 days'");
        String bothLongAgo = insert(user, family, "now() - interval '5 days'", "now() - interval '6 days'",
                "now() - interval '5 days'");

        long deleted = cleanup.deleteExpired().await().indefinitely();

        assertThat(deleted).isGreaterThanOrEqualTo(3); // other tests' old tokens may go too
        assertThat(hashesOf(user)).containsExactlyInAnyOrder(live, used, expiredRecently, revokedRecently)
                .doesNotContain(expiredLongAgo, revokedLongAgo, bothLongAgo);
        // nothing is left to delete: a second run finds none of this user's tokens
        cleanup.deleteExpired().await().indefinitely();
        assertThat(hashesOf(user)).hasSize(4);
    }

    private static List<Object> hashesOf(long user) {
        return TestDatabase.rows("select token_hash from refresh_tokens where user_id = ?", user).stream()
                .map(r -> r.get("token_hash")).toList();
    }

    private static String insert(long user, UUID family, String expiresAt, String usedAt, String revokedAt) {
        String hash = (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "");
        TestDatabase.update("insert into refresh_tokens (user_id, family_id, token_hash, expires_at, used_at, revoked_at,"
                + " created_at) values (?, ?, ?, " + expiresAt + ", " + (usedAt == null ? "null" : usedAt) + ", "
                + (revokedAt == null ? "null" : revokedAt) + ", now() - interval '40 days')", user, family, hash);
        return hash;
    }
}
