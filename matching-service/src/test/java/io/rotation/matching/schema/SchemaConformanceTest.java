package io.rotation.matching.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.SchemaCatalog;
import io.rotation.platform.testing.TestDatabase;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The matching schema, read from pg_catalog, holds what the seed and docs/data-model/matching.md promise. */
@QuarkusTest
@WithTestResource(RotationStack.class)
class SchemaConformanceTest {

    private static final Set<String> TABLES = Set.of("audio_matches", "audio_match_history", "match_candidates",
            "audio_quality_metrics", "metadata_cache", "track_matches", "releases", "release_tracks", "match_reports");
    private static final Set<String> PLATFORM_TABLES = Set.of("outbox_event", "processed_event",
            "time_partitioned_table", "databasechangelog", "databasechangeloglock");

    private final SchemaCatalog catalog = SchemaCatalog.ofService();

    @Test
    void hasEveryTableOfTheMatchingLayer() {
        assertThat(catalog.tables()).containsAll(TABLES);
        assertThat(catalog.tables().stream().filter(t -> !PLATFORM_TABLES.contains(t)))
                .as("no table beyond the layer's").containsExactlyInAnyOrderElementsOf(TABLES);
        TABLES.forEach(t -> assertThat(catalog.isPartitioned(t)).as(t + " is a plain table").isFalse());
    }

    @Test
    void hasTheColumnsTheSeedDescribes() {
        assertThat(catalog.columns("audio_matches")).contains("id", "track_id", "platform", "external_id", "url",
                "title", "channel_name", "duration_seconds", "confidence_score", "quality_score", "view_count",
                "like_count", "status", "verified_by", "verified_at", "match_method", "metadata", "created_at",
                "updated_at");
        assertThat(catalog.columns("audio_match_history")).contains("audio_match_id", "action", "old_status",
                "new_status", "old_confidence_score", "new_confidence_score", "changed_by", "reason", "changed_at");
        assertThat(catalog.columns("match_candidates")).contains("track_id", "platform", "external_id", "title",
                "score", "raw", "created_at", "expires_at");
        assertThat(catalog.columns("audio_quality_metrics")).contains("audio_match_id", "bitrate_kbps",
                "sample_rate_hz", "dynamic_range_db", "loudness_lufs", "peak_db", "analyzed_at", "analyzer", "raw");
        assertThat(catalog.columns("metadata_cache")).contains("entity_type", "entity_id", "cache_key", "data",
                "source", "fetched_at", "expires_at", "refresh_after", "hit_count", "last_accessed_at",
                "refresh_failures");
        assertThat(catalog.columns("track_matches")).contains("track_id", "youtube_id", "platform", "url", "title",
                "confidence", "is_deprecated", "created_at", "updated_at");
    }

    @Test
    void hasEveryEnumWithItsCompleteLabels() {
        assertThat(catalog.enumValues("match_status"))
                .containsExactly("unverified", "verified", "needs_review", "rejected", "auto_approved");
        assertThat(catalog.enumValues("audio_platform"))
                .containsExactly("youtube", "soundcloud", "spotify", "bandcamp", "discogs");
    }

    @Test
    void hasTheNamedIndexes() {
        assertThat(catalog.indexes()).contains(
                "idx_audio_matches_track_platform_status", "idx_audio_matches_status_confidence",
                "idx_audio_matches_platform_external_id", "idx_audio_match_history_audio_match_changed_at",
                "idx_match_candidates_expires_at", "idx_match_candidates_track_score", "idx_match_candidates_job_id",
                "idx_audio_quality_metrics_audio_match_analyzed_at", "idx_metadata_cache_expires_at",
                "idx_track_matches_track_id");
        assertThat(indexColumns("idx_audio_matches_track_platform_status")).isEqualTo("track_id,platform,status");
        assertThat(indexColumns("idx_audio_matches_status_confidence")).isEqualTo("status,confidence_score");
    }

    @Test
    void hasTheUniqueKeys() {
        assertThat(catalog.uniqueKeys("audio_matches")).contains("external_id,platform,track_id");
        assertThat(catalog.uniqueKeys("match_candidates")).contains("external_id,platform,track_id");
        assertThat(catalog.uniqueKeys("metadata_cache")).contains("cache_key,entity_id,entity_type");
        assertThat(catalog.uniqueKeys("track_matches")).contains("track_id,youtube_id");
    }

    @Test
    void foreignKeysStayInsideTheSchemaWithTheirDeleteRules() {
        assertThat(catalog.foreignKeys("audio_match_history"))
                .containsExactly("audio_match_id -> audio_matches (CASCADE)");
        assertThat(catalog.foreignKeys("audio_quality_metrics"))
                .containsExactly("audio_match_id -> audio_matches (CASCADE)");
        assertThat(catalog.foreignKeys("track_matches"))
                .containsExactly("migrated_to_audio_match_id -> audio_matches (SET NULL)");
        // track ids, record ids and user ids belong to catalog and identity: plain ids
        assertThat(catalog.foreignKeys("audio_matches")).isEmpty();
        assertThat(catalog.foreignKeys("match_candidates")).isEmpty();
        assertThat(catalog.foreignKeys("metadata_cache")).isEmpty();
        assertThat(catalog.foreignKeySchemasOutside()).isEmpty();
    }

    @Test
    void hasTheCheckConstraints() {
        assertThat(String.join("\n", catalog.checks("audio_matches")))
                .contains("confidence_score >=", "confidence_score <=", "quality_score >=", "view_count >= 0");
        assertThat(String.join("\n", catalog.checks("match_candidates"))).contains("score >=", "expires_at > created_at");
        assertThat(String.join("\n", catalog.checks("audio_quality_metrics"))).contains("bitrate_kbps > 0",
                "sample_rate_hz > 0");
        assertThat(String.join("\n", catalog.checks("metadata_cache"))).contains("hit_count >= 0",
                "refresh_failures >= 0", "expires_at > fetched_at");
        assertThat(String.join("\n", catalog.checks("track_matches"))).contains("confidence >=");
    }

    @Test
    void everyTableWithUpdatedAtHasItsTriggerAndMatchesKeepHistory() {
        assertThat(catalog.tablesWithUpdatedAt()).containsAll(Set.of("audio_matches", "metadata_cache",
                "track_matches"));
        // every table of the schema, the platform's time_partitioned_table included
        for (String table : catalog.tablesWithUpdatedAt()) {
            assertThat(catalog.triggers(table)).as(table).contains("trg_" + table + "_updated_at");
        }
        assertThat(catalog.triggers("audio_matches")).contains("trg_audio_matches_history");
        assertThat(catalog.functions()).contains("update_updated_at_column", "cleanup_expired_candidates",
                "log_audio_match_change");
    }

    @Test
    void theLegacyTableSaysItIsDeprecated() {
        assertThat((String) TestDatabase.rows(
                "select obj_description(to_regclass('track_matches'), 'pg_class') as c").get(0).get("c"))
                .startsWith("DEPRECATED");
    }

    private static String indexColumns(String index) {
        return (String) TestDatabase.rows("""
                select string_agg(a.attname, ',' order by k.ord) as cols
                from pg_index i join pg_class c on c.oid = i.indexrelid
                join pg_namespace n on n.oid = c.relnamespace
                cross join lateral unnest(i.indkey) with ordinality as k(attnum, ord)
                join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.attnum
                where n.nspname = current_schema() and c.relname = ?""", index).get(0).get("cols");
    }
}
