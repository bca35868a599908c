package io.rotation.userfeatures.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.TestDatabase;
import io.rotation.platform.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** update_updated_at_column on every table that has updated_at, and the checks that must hold. */
@QuarkusTest
@WithTestResource(RotationStack.class)
class UpdatedAtAndChecksTest {

    private static final String AN_HOUR_AGO = "now() - interval '1 hour'";

    @Test
    void anUpdateMovesUpdatedAtOnEveryTable() {
        long user = TestTokens.newUserId();
        assertMoves("favorites", insert("insert into favorites (user_id, favoritable_type, favoritable_id, created_at,"
                + " updated_at) values (?, 'record', 7, " + AN_HOUR_AGO + ", " + AN_HOUR_AGO + ") returning id", user),
                "note = 'great pressing'");
        assertMoves("feedback", insert("insert into feedback (user_id, feedback_type, title, created_at, updated_at)"
                + " values (?, 'bad_match', 'wrong song', " + AN_HOUR_AGO + ", " + AN_HOUR_AGO + ") returning id", user),
                "status = 'in_review'");
        assertMoves("user_collections", insert("insert into user_collections (user_id, name, created_at, updated_at)"
                + " values (?, 'x', " + AN_HOUR_AGO + ", " + AN_HOUR_AGO + ") returning id", user), "is_public = true");
        assertMoves("user_follows", insert("insert into user_follows (follower_id, followee_type, followee_id,"
                + " created_at, updated_at) values (?, 'store', 3, " + AN_HOUR_AGO + ", " + AN_HOUR_AGO
                + ") returning id", user), "notifications_enabled = false");
        assertMoves("user_preferences", insert("insert into user_preferences (user_id, created_at, updated_at)"
                + " values (?, " + AN_HOUR_AGO + ", " + AN_HOUR_AGO + ") returning id", user), "theme = 'dark'");
    }

    @Test
    void feedbackIsResolvedOnlyWithAResolvingStatus() {
        long user = TestTokens.newUserId();
        long id = insert("insert into feedback (user_id, feedback_type, title) values (?, 'missing_audio', 't') returning id", user);
        assertThat(TestDatabase.rows("select status::text as s from feedback where id = ?", id).get(0).get("s")).isEqualTo("open");
        assertThatThrownBy(() -> TestDatabase.update("update feedback set resolved_at = now() where id = ?", id))
                .hasStackTraceContaining("ck_feedback_resolved_at");
        assertThat(TestDatabase.update("update feedback set status = 'resolved', resolved_at = now(),"
                + " resolution = 'rematched' where id = ?", id)).isEqualTo(1);
        assertThatThrownBy(() -> TestDatabase.update("insert into feedback (user_id, feedback_type, title, entity_type)"
                + " values (?, 'other', 't', 'track')", user)).hasStackTraceContaining("ck_feedback_entity");
    }

    @Test
    void followsAreUniqueAndNobodyFollowsThemselves() {
        long user = TestTokens.newUserId();
        assertThatThrownBy(() -> TestDatabase.update("insert into user_follows (follower_id, followee_type, followee_id)"
                + " values (?, 'user', ?)", user, user)).hasStackTraceContaining("ck_user_follows_no_self_follow");
        // a store may carry the same number as the user
        TestDatabase.update("insert into user_follows (follower_id, followee_type, followee_id) values (?, 'store', ?)", user, user);
        assertThatThrownBy(() -> TestDatabase.update("insert into user_follows (follower_id, followee_type, followee_id)"
                + " values (?, 'store', ?)", user, user)).hasStackTraceContaining("uq_user_follows_follower_followee");
    }

    @Test
    void favoritesAreUniquePerThingAndTyped() {
        long user = TestTokens.newUserId();
        TestDatabase.update("insert into favorites (user_id, favoritable_type, favoritable_id) values (?, 'track', 1)", user);
        assertThatThrownBy(() -> TestDatabase.update("insert into favorites (user_id, favoritable_type, favoritable_id)"
                + " values (?, 'track', 1)", user)).hasStackTraceContaining("uq_favorites_user_favoritable");
        assertThatThrownBy(() -> TestDatabase.update("insert into favorites (user_id, favoritable_type, favoritable_id)"
                + " values (?, 'playlist', 1)", user)).hasStackTraceContaining("ck_favorites_favoritable_type");
    }

    @Test
    void preferencesAcceptOnlyKnownPlatforms() {
        long user = TestTokens.newUserId();
        assertThatThrownBy(() -> TestDatabase.update("insert into user_preferences (user_id, preferred_platforms)"
                + " values (?, array['youtube', 'napster'])", user)).hasStackTraceContaining("ck_user_preferences_platforms");
        TestDatabase.update("insert into user_preferences (user_id, preferred_platforms) values (?, array['bandcamp', 'youtube'])", user);
        assertThatThrownBy(() -> TestDatabase.update("insert into user_preferences (user_id) values (?)", user))
                .hasStackTraceContaining("uq_user_preferences_user_id");
    }

    private static long insert(String sql, Object... params) {
        return (Long) TestDatabase.rows(sql, params).get(0).get("id");
    }

    private static void assertMoves(String table, long id, String change) {
        assertThat(TestDatabase.count("select count(*) from " + table + " where id = ?"
                + " and updated_at < now() - interval '59 minutes'", id)).as(table + " before").isEqualTo(1);
        assertThat(TestDatabase.update("update " + table + " set " + change + " where id = ?", id)).isEqualTo(1);
        assertThat(TestDatabase.count("select count(*) from " + table + " where id = ?"
                + " and updated_at > now() - interval '1 minute'", id)).as(table + " after").isEqualTo(1);
    }
}
