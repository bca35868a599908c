package io.rotation.config.flag;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.TestDatabase;
import io.rotation.platform.testing.TestTokens;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** evaluate_feature_flag() and log_feature_flag_change(), in SQL, on flags with keys unique to the run. */
@QuarkusTest
@WithTestResource(RotationStack.class)
class FeatureFlagFunctionsTest {

    @Test
    void aPercentageFlagGivesTheSameAnswerForTheSameUserEveryTime() {
        String key = newFlag("percentage", true, "rollout_percentage", 30);
        for (int i = 0; i < 20; i++) {
            long user = TestTokens.newUserId();
            boolean first = evaluate(key, user, "{}");
            // again, on another connection (another session)
            assertThat(evaluate(key, user, "{}")).as("user %d", user).isEqualTo(first);
        }
        Map<String, Object> sameStatement = TestDatabase.rows("""
                select count(*) filter (where evaluate_feature_flag(?, u, '{}') <> evaluate_feature_flag(?, u, '{}')) as disagree
                from generate_series(1, 1000) u""", key, key).get(0);
        assertThat(((Number) sameStatement.get("disagree")).longValue()).isZero();
    }

    @Test
    void aThirtyPercentFlagIsOnForAboutThirtyPercentOfTenThousandUsers() {
        String key = newFlag("percentage", true, "rollout_percentage", 30);
        long base = TestTokens.newUserId();
        long on = TestDatabase.count("""
                select count(*) filter (where evaluate_feature_flag(?, u, '{}'::jsonb))
                from generate_series(?::bigint, ?::bigint) u""", key, base, base + 9_999);
        assertThat(on).isBetween(2_700L, 3_300L);
    }

    @Test
    void percentageEdgesAndIndependentFlags() {
        String none = newFlag("percentage", true, "rollout_percentage", 0);
        String all = newFlag("percentage", true, "rollout_percentage", 100);
        String a = newFlag("percentage", true, "rollout_percentage", 50);
        String b = newFlag("percentage", true, "rollout_percentage", 50);
        Map<String, Object> r = TestDatabase.rows("""
                select count(*) filter (where evaluate_feature_flag(?, u, '{}')) as none_on,
                       count(*) filter (where evaluate_feature_flag(?, u, '{}')) as all_on,
                       count(*) filter (where evaluate_feature_flag(?, u, '{}') = evaluate_feature_flag(?, u, '{}')) as a_equals_b
                from generate_series(1, 2000) u""", none, all, a, b).get(0);
        assertThat(((Number) r.get("none_on")).longValue()).isZero();
        assertThat(((Number) r.get("all_on")).longValue()).isEqualTo(2000);
        // independent buckets: two 50 % flags agree for about half the users, not for all of them
        assertThat(((Number) r.get("a_equals_b")).longValue()).isBetween(850L, 1150L);
        assertThat(evaluate(all, null, "{}")).as("no user, no bucket").isFalse();
    }

    @Test
    void aUserListFlagIsOnForItsUsersOnly() {
        long listed = TestTokens.newUserId();
        long other = listed + 1;
        String key = newFlag("user_list", true, "target_user_ids", new Long[] {listed, TestTokens.newUserId()});
        assertThat(evaluate(key, listed, "{}")).isTrue();
        assertThat(evaluate(key, other, "{}")).isFalse();
        assertThat(evaluate(key, null, "{}")).isFalse();
    }

    @Test
    void aConditionFlagIsOnWhenTheContextContainsTheConditions() {
        String key = newFlag("condition", true, "conditions", "{\"country\": \"GB\", \"beta\": true}");
        long user = TestTokens.newUserId();
        assertThat(evaluate(key, user, "{\"country\": \"GB\", \"beta\": true, \"app\": \"ios\"}")).isTrue();
        assertThat(evaluate(key, user, "{\"country\": \"GB\"}")).isFalse();
        assertThat(evaluate(key, user, "{\"country\": \"US\", \"beta\": true}")).isFalse();
        assertThat(evaluate(key, user, null)).isFalse();
    }

    @Test
    void aBooleanFlagIsWhatEnabledSays() {
        String on = newFlag("boolean", true, null, null);
        String off = newFlag("boolean", false, null, null);
        assertThat(evaluate(on, TestTokens.newUserId(), "{}")).isTrue();
        assertThat(evaluate(on, null, null)).isTrue();
        assertThat(evaluate(off, TestTokens.newUserId(), "{}")).isFalse();
    }

    @Test
    void disabledUnknownAndOutOfWindowFlagsAreOff() {
        long user = TestTokens.newUserId();
        String disabledFull = newFlag("percentage", false, "rollout_percentage", 100);
        String disabledListed = newFlag("user_list", false, "target_user_ids", new Long[] {user});
        String disabledCondition = newFlag("condition", false, "conditions", "{}");
        assertThat(evaluate(disabledFull, user, "{}")).isFalse();
        assertThat(evaluate(disabledListed, user, "{}")).isFalse();
        assertThat(evaluate(disabledCondition, user, "{}")).isFalse();
        assertThat(evaluate("no-such-flag-" + UUID.randomUUID(), user, "{}")).isFalse();

        String future = newFlag("boolean", true, null, null);
        TestDatabase.update("update feature_flags set starts_at = now() + interval '1 day' where key = ?", future);
        String past = newFlag("boolean", true, null, null);
        TestDatabase.update("""
                update feature_flags set starts_at = now() - interval '2 days', ends_at = now() - interval '1 day'
                where key = ?""", past);
        String current = newFlag("boolean", true, null, null);
        TestDatabase.update("""
                update feature_flags set starts_at = now() - interval '1 day', ends_at = now() + interval '1 day'
                where key = ?""", current);
        assertThat(evaluate(future, user, "{}")).isFalse();
        assertThat(evaluate(past, user, "{}")).isFalse();
        assertThat(evaluate(current, user, "{}")).isTrue();
    }

    @Test
    void everyChangeOfAFlagIsLoggedWithOldAndNewValues() {
        long actor = TestTokens.newUserId();
        String key = newFlag("percentage", true, "rollout_percentage", 10);
        long flagId = TestDatabase.count("select id from feature_flags where key = ?", key);

        TestDatabase.update("update feature_flags set rollout_percentage = 25, updated_by = ? where key = ?", actor, key);
        TestDatabase.update("update feature_flags set rollout_percentage = 25 where key = ?", key); // no change
        TestDatabase.update("delete from feature_flags where key = ?", key);

        List<Map<String, Object>> history = TestDatabase.rows("""
                select feature_flag_id, action, changed_by, changed_fields::text as changed_fields,
                       old_value ->> 'rollout_percentage' as old_rollout, new_value ->> 'rollout_percentage' as new_rollout,
                       old_value ->> 'key' as old_key, new_value ->> 'key' as new_key
                from feature_flag_history where flag_key = ? order by id""", key);
        assertThat(history).extracting(h -> h.get("action")).containsExactly("insert", "update", "delete");

        Map<String, Object> insert = history.get(0);
        assertThat(insert.get("old_rollout")).isNull();
        assertThat(insert.get("new_rollout")).isEqualTo("10");

        Map<String, Object> update = history.get(1);
        assertThat(update.get("old_rollout")).isEqualTo("10");
        assertThat(update.get("new_rollout")).isEqualTo("25");
        assertThat(update.get("changed_fields")).isEqualTo("{rollout_percentage,updated_by}");
        assertThat(((Number) update.get("changed_by")).longValue()).isEqualTo(actor);

        Map<String, Object> delete = history.get(2);
        assertThat(delete.get("old_key")).isEqualTo(key);
        assertThat(delete.get("old_rollout")).isEqualTo("25");
        assertThat(delete.get("new_key")).isNull();
        // the flag is gone, its history stays: the rows lose the reference but keep the key
        assertThat(history).allSatisfy(h -> assertThat(h.get("feature_flag_id")).isNull());
        assertThat(TestDatabase.count("select count(*) from feature_flag_history where feature_flag_id = ?", flagId))
                .isZero();
    }

    @Test
    void aDeletedFlagTakesItsEvaluationsWithIt() {
        String key = newFlag("boolean", true, null, null);
        long user = TestTokens.newUserId();
        TestDatabase.update("""
                insert into feature_flag_evaluations (feature_flag_id, flag_key, user_id, result, reason, context)
                select id, key, ?, evaluate_feature_flag(key, ?, '{}'), 'enabled', '{"app": "web"}' from feature_flags
                where key = ?""", user, user, key);
        assertThat(TestDatabase.count("select count(*) from feature_flag_evaluations where flag_key = ? and result", key))
                .isEqualTo(1);
        TestDatabase.update("delete from feature_flags where key = ?", key);
        assertThat(TestDatabase.count("select count(*) from feature_flag_evaluations where flag_key = ?", key)).isZero();
    }

    private static Boolean evaluate(String key, Long userId, String context) {
        return (Boolean) TestDatabase.rows("select evaluate_feature_flag(?, ?::bigint, ?::jsonb) as is_on",
                key, userId, context).get(0).get("is_on");
    }

    /** A flag of the type, with one targeting column set. */
    private static String newFlag(String type, boolean enabled, String column, Object value) {
        String key = "test-" + type.replace('_', '-') + "-" + UUID.randomUUID();
        if (column == null) {
            TestDatabase.update("insert into feature_flags (key, flag_type, enabled) values (?, ?::feature_flag_type, ?)",
                    key, type, enabled);
        } else {
            String cast = switch (column) {
                case "conditions" -> "::jsonb";
                case "target_user_ids" -> "::bigint[]";
                default -> "";
            };
            TestDatabase.update("insert into feature_flags (key, flag_type, enabled, " + column
                    + ") values (?, ?::feature_flag_type, ?, ?" + cast + ")", key, type, enabled, value);
        }
        return key;
    }
}
