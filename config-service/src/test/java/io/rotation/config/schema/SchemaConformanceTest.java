package io.rotation.config.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.SchemaCatalog;
import io.rotation.platform.testing.TestDatabase;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The configuration layer of the seed, as the catalog sees it. */
@QuarkusTest
@WithTestResource(RotationStack.class)
class SchemaConformanceTest {

    private static final Set<String> PLATFORM_TABLES = Set.of("time_partitioned_table", "outbox_event", "processed_event");

    private final SchemaCatalog catalog = SchemaCatalog.ofService();

    @Test
    void hasEveryTableOfTheConfigurationLayer() {
        assertThat(catalog.tables()).contains("settings", "feature_flags", "feature_flag_history",
                "feature_flag_evaluations", "config_profiles", "rate_limits", "cache_config", "maintenance_windows");
    }

    @Test
    void hasTheEnumsWithTheirFullLists() {
        assertThat(catalog.enumValues("setting_type")).containsExactly("string", "number", "boolean", "json", "array");
        assertThat(catalog.enumValues("feature_flag_type"))
                .containsExactly("boolean", "percentage", "user_list", "condition");
    }

    @Test
    void hasTheNamedIndexes() {
        assertThat(catalog.indexes()).contains(
                "uq_settings_key", "idx_settings_category", "idx_settings_is_public", "idx_settings_updated_by",
                "uq_feature_flags_key", "idx_feature_flags_enabled", "idx_feature_flags_flag_type",
                "idx_feature_flags_tags",
                "idx_feature_flag_history_feature_flag_id", "idx_feature_flag_history_flag_key_changed_at",
                "idx_feature_flag_evaluations_flag_evaluated_at", "idx_feature_flag_evaluations_user_id",
                "uq_config_profiles_name", "uq_config_profiles_environment_active", "idx_config_profiles_environment",
                "uq_rate_limits_identifier_identifier_type_endpoint_pattern", "idx_rate_limits_blocked_until",
                "uq_cache_config_cache_key_pattern", "idx_cache_config_invalidate_on",
                "idx_maintenance_windows_starts_at_ends_at", "idx_maintenance_windows_affected_services");
        assertThat(indexMethod("idx_feature_flags_tags")).isEqualTo("gin");
        assertThat(indexMethod("idx_cache_config_invalidate_on")).isEqualTo("gin");
    }

    @Test
    void hasTheUniqueKeys() {
        assertThat(catalog.uniqueKeys("settings")).contains("key");
        assertThat(catalog.uniqueKeys("feature_flags")).contains("key");
        assertThat(catalog.uniqueKeys("config_profiles")).contains("name", "environment");
        assertThat(catalog.uniqueKeys("rate_limits")).contains("endpoint_pattern,identifier,identifier_type");
        assertThat(catalog.uniqueKeys("cache_config")).contains("cache_key_pattern");
    }

    @Test
    void hasTheForeignKeysWithTheirDeleteRulesAndNoneLeavesTheSchema() {
        assertThat(catalog.foreignKeys("feature_flag_history"))
                .containsExactly("feature_flag_id -> feature_flags (SET NULL)");
        assertThat(catalog.foreignKeys("feature_flag_evaluations"))
                .containsExactly("feature_flag_id -> feature_flags (CASCADE)");
        assertThat(catalog.foreignKeySchemasOutside()).isEmpty();
    }

    @Test
    void hasTheCheckConstraints() {
        assertThat(checkNames("settings")).contains("ck_settings_key", "ck_settings_value_type",
                "ck_settings_default_value_type", "ck_settings_public_not_encrypted");
        assertThat(checkNames("feature_flags")).contains("ck_feature_flags_key", "ck_feature_flags_rollout_percentage",
                "ck_feature_flags_conditions", "ck_feature_flags_variants", "ck_feature_flags_window");
        assertThat(checkNames("feature_flag_history")).contains("ck_feature_flag_history_action",
                "ck_feature_flag_history_values");
        assertThat(checkNames("feature_flag_evaluations")).contains("ck_feature_flag_evaluations_context",
                "ck_feature_flag_evaluations_reason");
        assertThat(checkNames("config_profiles")).contains("ck_config_profiles_environment",
                "ck_config_profiles_settings");
        assertThat(checkNames("rate_limits")).contains("ck_rate_limits_identifier_type", "ck_rate_limits_max_requests",
                "ck_rate_limits_window_seconds", "ck_rate_limits_block_seconds", "ck_rate_limits_current_count");
        assertThat(checkNames("cache_config")).contains("ck_cache_config_cache_layer", "ck_cache_config_ttl_seconds",
                "ck_cache_config_refresh_ahead_seconds", "ck_cache_config_max_entries");
        assertThat(checkNames("maintenance_windows")).contains("ck_maintenance_windows_period",
                "ck_maintenance_windows_notify_before_minutes");
        assertThat(String.join("\n", catalog.checks("feature_flags")))
                .contains("rollout_percentage >= 0").contains("rollout_percentage <= 100");
        assertThat(String.join("\n", catalog.checks("maintenance_windows"))).contains("starts_at < ends_at");
        assertThat(String.join("\n", catalog.checks("rate_limits")))
                .contains("max_requests > 0").contains("window_seconds > 0");
    }

    @Test
    void everyTableWithUpdatedAtHasTheTriggerAndFlagsHaveTheirHistoryTrigger() {
        assertThat(catalog.tablesWithUpdatedAt()).contains("settings", "feature_flags", "config_profiles",
                "rate_limits", "cache_config", "maintenance_windows");
        for (String table : catalog.tablesWithUpdatedAt()) {
            if (PLATFORM_TABLES.contains(table)) {
                continue; // the platform's own registry, not this layer's (reported to the platform)
            }
            assertThat(catalog.triggers(table)).as(table).contains("trg_" + table + "_updated_at");
        }
        assertThat(catalog.triggers("feature_flags")).contains("trg_feature_flags_history");
    }

    @Test
    void hasTheFunctions() {
        assertThat(catalog.functions()).contains("update_updated_at_column", "evaluate_feature_flag",
                "log_feature_flag_change", "setting_value_is_valid");
        assertThat(TestDatabase.rows("""
                select p.provolatile from pg_proc p join pg_namespace n on n.oid = p.pronamespace
                where n.nspname = 'config' and p.proname = 'evaluate_feature_flag'""").get(0).get("provolatile"))
                .as("evaluate_feature_flag is STABLE").isEqualTo("s");
    }

    @Test
    void evaluationsArePartitionedByMonthWithPartitionsAheadAndARetention() {
        assertThat(catalog.isPartitioned("feature_flag_evaluations")).isTrue();
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyyMMdd");
        LocalDate month = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1);
        assertThat(catalog.partitions("feature_flag_evaluations")).contains(
                "feature_flag_evaluations_default",
                "feature_flag_evaluations_p" + month.format(f),
                "feature_flag_evaluations_p" + month.plusMonths(1).format(f),
                "feature_flag_evaluations_p" + month.plusMonths(2).format(f),
                "feature_flag_evaluations_p" + month.plusMonths(3).format(f));
        var registry = TestDatabase.rows("""
                select step::text as step, premake, retention::text as retention
                from time_partitioned_table where table_name = 'feature_flag_evaluations'""");
        assertThat(registry).hasSize(1);
        assertThat(registry.get(0).get("step")).isEqualTo("1 mon");
        assertThat(registry.get(0).get("retention")).isEqualTo("3 mons");
        // the primary key includes the partition column
        assertThat(TestDatabase.rows("""
                select pg_get_constraintdef(c.oid) as def from pg_constraint c join pg_class t on t.oid = c.conrelid
                join pg_namespace n on n.oid = t.relnamespace
                where n.nspname = 'config' and t.relname = 'feature_flag_evaluations' and c.contype = 'p'""")
                .get(0).get("def")).isEqualTo("PRIMARY KEY (id, evaluated_at)");
    }

    @Test
    void partitionsPastTheRetentionAreDropped() {
        // a partition six months back (nothing of it can be in the default partition: retention is 3 months)
        TestDatabase.rows("select ensure_time_partitions('feature_flag_evaluations', now() - interval '6 months', "
                + "now() - interval '6 months' + interval '1 second')");
        String old = "feature_flag_evaluations_p" + LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1).minusMonths(6)
                .format(DateTimeFormatter.ofPattern("yyyyMMdd"));
        assertThat(catalog.partitions("feature_flag_evaluations")).contains(old);
        TestDatabase.rows("select * from maintain_time_partitions()");
        assertThat(catalog.partitions("feature_flag_evaluations")).doesNotContain(old)
                .contains("feature_flag_evaluations_p" + LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1)
                        .format(DateTimeFormatter.ofPattern("yyyyMMdd")));
    }

    private static List<String> checkNames(String table) {
        return TestDatabase.rows("""
                select c.conname from pg_constraint c join pg_class t on t.oid = c.conrelid
                join pg_namespace n on n.oid = t.relnamespace
                where n.nspname = 'config' and t.relname = ? and c.contype = 'c'""", table)
                .stream().map(r -> (String) r.get("conname")).toList();
    }

    private static String indexMethod(String index) {
        return (String) TestDatabase.rows("""
                select am.amname from pg_class c join pg_am am on am.oid = c.relam
                join pg_namespace n on n.oid = c.relnamespace where n.nspname = 'config' and c.relname = ?""", index)
                .get(0).get("amname");
    }
}
