package io.rotation.analytics.schema;

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
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The analytics layer of the seed, as the database catalog sees it. */
@QuarkusTest
@WithTestResource(RotationStack.class)
class SchemaConformanceTest {

    static final List<String> TABLES = List.of("jobs", "job_logs", "audit_logs", "usage_metrics", "daily_metrics",
            "recommendation_data", "content_similarity", "performance_metrics", "listening_hourly");
    static final List<String> PARTITIONED = List.of("usage_metrics", "job_logs", "audit_logs", "performance_metrics",
            "listening_hourly");
    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final SchemaCatalog catalog = SchemaCatalog.ofService();

    @Test
    void hasEveryTableOfTheAnalyticsLayer() {
        assertThat(catalog.tables()).containsAll(TABLES);
    }

    @Test
    void hasTheEnumsWithTheirCompleteLists() {
        assertThat(catalog.enumValues("job_type")).containsExactly("store_sync", "audio_matching",
                "metadata_refresh", "discogs_import", "catalog_reindex", "metrics_aggregation", "analytics_cleanup",
                "recommendation_refresh", "content_similarity", "cache_warmup", "user_erasure",
                "partition_maintenance");
        assertThat(catalog.enumValues("job_status")).containsExactly("pending", "queued", "running", "completed",
                "failed", "cancelled", "retrying");
        assertThat(catalog.enumValues("log_level")).containsExactly("debug", "info", "warning", "error", "critical");
    }

    @Test
    void hasTheNamedIndexes() {
        assertThat(catalog.indexes()).contains(
                "idx_usage_metrics_user_timestamp",
                "idx_daily_metrics_date_type", "idx_daily_metrics_entity",
                "idx_recommendation_data_user_affinity", "idx_recommendation_data_expires_at",
                "idx_jobs_status_scheduled_at", "idx_jobs_job_type_status", "idx_jobs_initiated_by",
                "idx_jobs_depends_on_job_id", "idx_jobs_owner_service_runnable",
                "idx_job_logs_job_id_logged_at", "idx_job_logs_level_logged_at",
                "idx_audit_logs_user_id_occurred_at", "idx_audit_logs_entity_type_entity_id",
                "idx_audit_logs_action_occurred_at", "idx_audit_logs_request_id", "idx_audit_logs_occurred_at_id",
                "idx_content_similarity_source", "idx_content_similarity_target_type_target_id",
                "idx_content_similarity_expires_at",
                "idx_performance_metrics_service_endpoint_recorded_at", "idx_performance_metrics_errors");
        // the renamed leftovers of the conversion are gone
        assertThat(catalog.indexes()).noneMatch(i -> i.contains("unpartitioned"));
    }

    @Test
    void usageMetricsCarriesOnlyTheIndexesItsReadsUseBecauseEveryPlayIsInsertedIntoEach() {
        assertThat(TestDatabase.rows("select indexname, indexdef from pg_indexes where schemaname = current_schema()"
                + " and tablename = 'usage_metrics'"))
                .extracting(row -> row.get("indexname") + (row.get("indexdef").toString().contains("USING brin")
                        ? " (brin)" : ""))
                .containsExactlyInAnyOrder("usage_metrics_pkey", "uq_usage_metrics_occurred_at_event_id",
                        "idx_usage_metrics_user_timestamp");
        // time first: event ids are hashes, and a random key would spread each batch over the whole index
        assertThat((String) TestDatabase.rows("select indexdef from pg_indexes where schemaname = current_schema()"
                + " and indexname = 'uq_usage_metrics_occurred_at_event_id'").get(0).get("indexdef"))
                .endsWith("(occurred_at, event_id)");
        assertThat(catalog.tables()).doesNotContain("usage_metrics_unpartitioned");
    }

    @Test
    void hasTheUniqueKeysIncludingThePartitionColumn() {
        assertThat(catalog.uniqueKeys("usage_metrics")).containsExactly("event_id,occurred_at");
        assertThat(catalog.uniqueKeys("daily_metrics"))
                .containsExactly("entity_id,entity_type,metric_date,metric_name,metric_type");
        assertThat(catalog.uniqueKeys("recommendation_data")).containsExactly("entity_id,entity_type,user_id");
        assertThat(catalog.uniqueKeys("content_similarity"))
                .containsExactly("similarity_type,source_id,source_type,target_id,target_type");
        assertThat(catalog.uniqueKeys("jobs")).containsExactly("idempotency_key");
        assertThat(catalog.uniqueKeys("audit_logs")).containsExactly("event_id,occurred_at");
        assertThat(constraintNames("u")).contains("uq_usage_metrics_occurred_at_event_id", "uq_daily_metrics_key",
                "uq_recommendation_data_user_entity", "uq_content_similarity_pair", "uq_jobs_idempotency_key",
                "uq_audit_logs_event_id_occurred_at");
    }

    @Test
    void hasForeignKeysWithTheirDeleteRulesAndNoneLeavesTheSchema() {
        assertThat(catalog.foreignKeys("jobs")).containsExactly("depends_on_job_id -> jobs (SET NULL)");
        assertThat(catalog.foreignKeys("job_logs")).containsExactly("job_id -> jobs (CASCADE)");
        for (String table : List.of("audit_logs", "usage_metrics", "daily_metrics", "recommendation_data",
                "content_similarity", "performance_metrics")) {
            assertThat(catalog.foreignKeys(table)).as("FKs of %s (user/track ids are owned elsewhere)", table)
                    .isEmpty();
        }
        assertThat(catalog.foreignKeySchemasOutside()).isEmpty();
    }

    @Test
    void hasTheCheckConstraints() {
        assertThat(constraintNames("c")).contains(
                "ck_usage_metrics_duration_ms", "ck_usage_metrics_country", "ck_usage_metrics_entity",
                "ck_usage_metrics_metadata", "ck_daily_metrics_entity_id",
                "ck_jobs_priority", "ck_jobs_progress_current", "ck_jobs_progress_total",
                "ck_jobs_progress_within_total", "ck_jobs_progress_percent", "ck_jobs_attempts",
                "ck_jobs_max_attempts", "ck_jobs_completed_after_started", "ck_jobs_not_own_dependency",
                "ck_jobs_parameters", "ck_job_logs_context", "ck_audit_logs_actor_type",
                "ck_content_similarity_score", "ck_content_similarity_not_self",
                "ck_content_similarity_source_type", "ck_content_similarity_target_type",
                "ck_content_similarity_similarity_type", "ck_content_similarity_expires_after_computed",
                "ck_content_similarity_details", "ck_performance_metrics_response_time_ms",
                "ck_performance_metrics_db_time_ms", "ck_performance_metrics_db_queries",
                "ck_performance_metrics_response_bytes", "ck_performance_metrics_status_code",
                "ck_performance_metrics_method");
        assertThat(catalog.checks("jobs")).anyMatch(d -> d.contains("progress_percent") && d.contains("100"));
        assertThat(catalog.checks("content_similarity")).anyMatch(d -> d.contains("score") && d.contains("1"));
        assertThat(catalog.checks("recommendation_data")).anyMatch(d -> d.contains("confidence"));
    }

    @Test
    void everyTableWithUpdatedAtHasTheTrigger() {
        // time_partitioned_table is the platform's registry (created by the platform changelog)
        Set<String> ours = catalog.tablesWithUpdatedAt().stream()
                .filter(t -> !t.equals("time_partitioned_table")).collect(Collectors.toSet());
        assertThat(ours).containsExactlyInAnyOrder("jobs", "daily_metrics", "recommendation_data",
                "content_similarity", "catalog_records");
        for (String table : ours) {
            assertThat(catalog.triggers(table)).as("triggers of %s", table).contains("trg_" + table + "_updated_at");
        }
    }

    @Test
    void hasTheFunctions() {
        assertThat(catalog.functions()).contains("aggregate_daily_metrics", "cleanup_old_analytics_data",
                "update_updated_at_column", "ensure_time_partitions", "maintain_time_partitions");
    }

    @Test
    void timeOrderedTablesArePartitionedWithPartitionsAheadAndRetention() {
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (String table : PARTITIONED) {
            assertThat(catalog.isPartitioned(table)).as("%s is partitioned", table).isTrue();
            assertThat(catalog.partitions(table)).as("partitions of %s", table).contains(table + "_default");
        }
        for (String table : List.of("usage_metrics", "job_logs", "audit_logs")) {
            for (int ahead = 0; ahead <= 3; ahead++) {
                String name = table + "_p" + today.withDayOfMonth(1).plusMonths(ahead).format(DAY);
                assertThat(catalog.partitions(table)).as("partitions of %s", table).contains(name);
            }
        }
        for (int ahead = 0; ahead <= 7; ahead++) {
            assertThat(catalog.partitions("performance_metrics"))
                    .contains("performance_metrics_p" + today.plusDays(ahead).format(DAY));
        }
        Map<String, String> retention = TestDatabase.rows("""
                select table_name, step::text as step, retention::text as retention from time_partitioned_table""")
                .stream().collect(Collectors.toMap(r -> (String) r.get("table_name"),
                        r -> r.get("step") + " / " + r.get("retention")));
        assertThat(retention).containsEntry("usage_metrics", "1 mon / 1 year 1 mon")
                .containsEntry("job_logs", "1 mon / 3 mons")
                .containsEntry("audit_logs", "1 mon / 2 years")
                .containsEntry("performance_metrics", "1 day / 30 days");
    }

    private static Set<String> constraintNames(String type) {
        return TestDatabase.rows("""
                select c.conname from pg_constraint c join pg_namespace n on n.oid = c.connamespace
                join pg_class t on t.oid = c.conrelid
                where n.nspname = current_schema() and c.contype = ?::"char" and not t.relispartition""", type)
                .stream().map(r -> (String) r.get("conname")).collect(Collectors.toSet());
    }
}
