package io.rotation.config.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.TestDatabase;
import java.sql.Timestamp;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Constraints and the updated_at trigger of the config tables, in SQL. */
@QuarkusTest
@WithTestResource(RotationStack.class)
class ConfigTablesBehaviourTest {

    @Test
    void anUpdateMovesUpdatedAtOnEveryTable() throws Exception {
        String k = unique();
        long setting = id("insert into settings (key, value, setting_type) values (?, '1', 'number') returning id", "s." + k);
        long flag = id("insert into feature_flags (key) values (?) returning id", "f." + k);
        long profile = id("insert into config_profiles (name, environment) values (?, 'test') returning id", "p-" + k);
        long limit = id("""
                insert into rate_limits (identifier, identifier_type, max_requests, window_seconds)
                values (?, 'ip', 10, 60) returning id""", "10.0." + k);
        long cache = id("insert into cache_config (cache_key_pattern, ttl_seconds) values (?, 60) returning id",
                "test:" + k + ":*");
        long window = id("""
                insert into maintenance_windows (title, starts_at, ends_at)
                values (?, now() + interval '1 day', now() + interval '1 day 1 hour') returning id""", "m " + k);
        String[][] rows = {{"settings", "" + setting, "description = 'x'"}, {"feature_flags", "" + flag, "owner = 'x'"},
                {"config_profiles", "" + profile, "description = 'x'"}, {"rate_limits", "" + limit, "current_count = 1"},
                {"cache_config", "" + cache, "ttl_seconds = 120"}, {"maintenance_windows", "" + window, "message = 'x'"}};
        for (String[] r : rows) {
            Timestamp before = updatedAt(r[0], Long.parseLong(r[1]));
            Thread.sleep(5);
            TestDatabase.update("update " + r[0] + " set " + r[2] + " where id = ?", Long.parseLong(r[1]));
            assertThat(updatedAt(r[0], Long.parseLong(r[1]))).as(r[0]).isAfter(before);
        }
    }

    @Test
    void aSettingValueReadsAsItsSettingType() {
        String k = "t." + unique();
        TestDatabase.update("insert into settings (key, value, setting_type) values (?, '42.5', 'number')", k + ".n");
        TestDatabase.update("insert into settings (key, value, setting_type) values (?, '[1, 2]', 'array')", k + ".a");
        TestDatabase.update("insert into settings (key, value, setting_type) values (?, '{\"a\": 1}', 'json')", k + ".j");
        TestDatabase.update("insert into settings (key, value, setting_type) values (?, 'true', 'boolean')", k + ".b");
        TestDatabase.update("insert into settings (key, value, setting_type) values (?, 'any text', 'string')", k + ".s");
        String[][] bad = {{"forty-two", "number"}, {"yes", "boolean"}, {"{oops", "json"}, {"[1, 2]", "json"},
                {"{\"a\": 1}", "array"}};
        for (String[] b : bad) {
            assertThatThrownBy(() -> TestDatabase.update(
                    "insert into settings (key, value, setting_type) values (?, ?, ?::setting_type)", k + ".bad", b[0], b[1]))
                    .as(b[1] + " " + b[0]).hasStackTraceContaining("ck_settings_value_type");
        }
        assertThatThrownBy(() -> TestDatabase.update(
                "insert into settings (key, value, setting_type, default_value) values (?, '1', 'number', 'one')", k + ".d"))
                .hasStackTraceContaining("ck_settings_default_value_type");
        // encrypted: base64 ciphertext whatever the type, never public
        TestDatabase.update("""
                insert into settings (key, value, setting_type, is_encrypted) values (?, 'c2VjcmV0', 'number', true)""",
                k + ".enc");
        assertThatThrownBy(() -> TestDatabase.update("""
                insert into settings (key, value, setting_type, is_encrypted, is_public)
                values (?, 'c2VjcmV0', 'string', true, true)""", k + ".pub"))
                .hasStackTraceContaining("ck_settings_public_not_encrypted");
        assertThatThrownBy(() -> TestDatabase.update(
                "insert into settings (key, value, setting_type) values (?, '1', 'number')", k + ".n"))
                .hasStackTraceContaining("uq_settings_key");
    }

    @Test
    void flagChecksHold() {
        String k = "c." + unique();
        assertThatThrownBy(() -> TestDatabase.update(
                "insert into feature_flags (key, flag_type, rollout_percentage) values (?, 'percentage', 101)", k))
                .hasStackTraceContaining("ck_feature_flags_rollout_percentage");
        assertThatThrownBy(() -> TestDatabase.update(
                "insert into feature_flags (key, flag_type, rollout_percentage) values (?, 'percentage', -1)", k))
                .hasStackTraceContaining("ck_feature_flags_rollout_percentage");
        assertThatThrownBy(() -> TestDatabase.update("""
                insert into feature_flags (key, starts_at, ends_at) values (?, now(), now() - interval '1 hour')""", k))
                .hasStackTraceContaining("ck_feature_flags_window");
        assertThatThrownBy(() -> TestDatabase.update(
                "insert into feature_flags (key, conditions) values (?, '[1]')", k))
                .hasStackTraceContaining("ck_feature_flags_conditions");
    }

    @Test
    void oneActiveProfilePerEnvironment() {
        String env = "staging";
        // leave no other active staging profile from earlier runs in the way
        TestDatabase.update("update config_profiles set is_active = false where environment = ? and name like 'p-%'", env);
        String a = "p-" + unique();
        TestDatabase.update("insert into config_profiles (name, environment, is_active) values (?, ?, true)", a, env);
        TestDatabase.update("insert into config_profiles (name, environment, is_active) values (?, ?, false)",
                "p-" + unique(), env);
        assertThatThrownBy(() -> TestDatabase.update(
                "insert into config_profiles (name, environment, is_active) values (?, ?, true)", "p-" + unique(), env))
                .hasStackTraceContaining("uq_config_profiles_environment_active");
        assertThatThrownBy(() -> TestDatabase.update(
                "insert into config_profiles (name, environment) values (?, 'moon')", "p-" + unique()))
                .hasStackTraceContaining("ck_config_profiles_environment");
        TestDatabase.update("update config_profiles set is_active = false where name = ?", a);
    }

    @Test
    void rateLimitsAreUniquePerIdentifierAndEndpointAndPositive() {
        String ip = "192.0.2." + unique();
        TestDatabase.update("""
                insert into rate_limits (identifier, identifier_type, endpoint_pattern, max_requests, window_seconds)
                values (?, 'ip', '/api/v1/auth/*', 5, 60)""", ip);
        TestDatabase.update("""
                insert into rate_limits (identifier, identifier_type, endpoint_pattern, max_requests, window_seconds)
                values (?, 'ip', '/api/v1/plays', 100, 60)""", ip);
        assertThatThrownBy(() -> TestDatabase.update("""
                insert into rate_limits (identifier, identifier_type, endpoint_pattern, max_requests, window_seconds)
                values (?, 'ip', '/api/v1/auth/*', 10, 60)""", ip))
                .hasStackTraceContaining("uq_rate_limits_identifier_identifier_type_endpoint_pattern");
        assertThatThrownBy(() -> TestDatabase.update("""
                insert into rate_limits (identifier, identifier_type, max_requests, window_seconds) values (?, 'ip', 0, 60)""",
                ip + "x")).hasStackTraceContaining("ck_rate_limits_max_requests");
        assertThatThrownBy(() -> TestDatabase.update("""
                insert into rate_limits (identifier, identifier_type, max_requests, window_seconds) values (?, 'ip', 1, 0)""",
                ip + "x")).hasStackTraceContaining("ck_rate_limits_window_seconds");
    }

    @Test
    void cacheAndMaintenanceChecksHold() {
        assertThatThrownBy(() -> TestDatabase.update(
                "insert into cache_config (cache_key_pattern, ttl_seconds) values (?, 0)", "x:" + unique()))
                .hasStackTraceContaining("ck_cache_config_ttl_seconds");
        assertThatThrownBy(() -> TestDatabase.update("""
                insert into cache_config (cache_key_pattern, ttl_seconds, refresh_ahead_seconds) values (?, 60, 60)""",
                "x:" + unique())).hasStackTraceContaining("ck_cache_config_refresh_ahead_seconds");
        String pattern = "records:" + unique() + ":*";
        TestDatabase.update("""
                insert into cache_config (cache_key_pattern, ttl_seconds, invalidate_on)
                values (?, 86400, '{catalog.record.updated,catalog.record.deleted}')""", pattern);
        assertThat(TestDatabase.count(
                "select count(*) from cache_config where invalidate_on @> '{catalog.record.deleted}' and cache_key_pattern = ?",
                pattern)).isEqualTo(1);
        assertThatThrownBy(() -> TestDatabase.update("""
                insert into maintenance_windows (title, starts_at, ends_at) values ('x', now(), now())"""))
                .hasStackTraceContaining("ck_maintenance_windows_period");
    }

    private static long id(String sql, Object... params) {
        return ((Number) TestDatabase.rows(sql, params).get(0).get("id")).longValue();
    }

    private static Timestamp updatedAt(String table, long id) {
        return (Timestamp) TestDatabase.rows("select updated_at from " + table + " where id = ?", id).get(0).get("updated_at");
    }

    private static String unique() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
