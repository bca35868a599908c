package io.rotation.userfeatures.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.SchemaCatalog;
import io.rotation.platform.testing.TestDatabase;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The user-features layer of the seed, as the catalog sees it. */
@QuarkusTest
@WithTestResource(RotationStack.class)
class SchemaConformanceTest {

    static final Set<String> TABLES = Set.of("favorites", "play_history", "feedback", "user_collections",
            "user_collection_items", "user_follows", "user_preferences");

    private final SchemaCatalog catalog = SchemaCatalog.ofService();

    @Test
    void hasEveryTableOfTheLayer() {
        assertThat(catalog.tables()).containsAll(TABLES);
    }

    @Test
    void hasTheEnumsWithTheirCompleteLists() {
        assertThat(catalog.enumValues("play_action")).containsExactly("play", "pause", "skip", "complete", "seek");
        assertThat(catalog.enumValues("feedback_status")).containsExactly("open", "in_review", "resolved", "dismissed");
        assertThat(catalog.enumValues("feedback_type")).containsExactly("bad_match", "missing_audio",
                "wrong_metadata", "poor_audio_quality", "duplicate_record", "broken_link", "inappropriate_content",
                "feature_request", "bug_report", "other");
    }

    @Test
    void hasTheNamedIndexes() {
        assertThat(catalog.indexes()).contains(
                "idx_play_history_user_played_at",
                "idx_play_history_audio_match_id",
                "idx_favorites_user_type", "idx_favorites_favoritable", "uq_favorites_user_favoritable",
                "idx_feedback_status_created_at", "idx_feedback_user_id", "idx_feedback_assigned_to",
                "idx_feedback_feedback_type", "idx_feedback_entity", "idx_feedback_audio_match_id",
                "uq_user_collections_user_name", "idx_user_collections_public_updated_at",
                "uq_user_collection_items_collection_track", "uq_user_collection_items_collection_position",
                "idx_user_collection_items_track_id",
                "uq_user_follows_follower_followee", "idx_user_follows_followee",
                "uq_user_preferences_user_id", "idx_user_preferences_preferred_genres");
        Map<String, Object> userPlayedAt = TestDatabase.rows(
                "select indexdef from pg_indexes where schemaname = current_schema() and indexname = ?",
                "idx_play_history_user_played_at").get(0);
        // the user's history and the plays' dedupe in one index, time after user so that plays append
        assertThat((String) userPlayedAt.get("indexdef"))
                .startsWith("CREATE UNIQUE INDEX").endsWith("(user_id, played_at DESC, track_id)");
        assertThat((String) TestDatabase.rows("select indexdef from pg_indexes where schemaname = current_schema()"
                + " and indexname = 'idx_user_preferences_preferred_genres'").get(0).get("indexdef")).contains("gin");
    }

    @Test
    void playHistoryCarriesOnlyTheIndexesItsReadsUseBecauseEveryPlayIsInsertedIntoEach() {
        assertThat(TestDatabase.rows("select indexname from pg_indexes where schemaname = current_schema()"
                + " and tablename = 'play_history'"))
                .extracting(row -> row.get("indexname"))
                .containsExactlyInAnyOrder("play_history_pkey", "idx_play_history_user_played_at",
                        "idx_play_history_audio_match_id");
    }

    @Test
    void hasTheUniqueKeys() {
        assertThat(catalog.uniqueKeys("play_history")).contains("played_at,track_id,user_id");
        assertThat(catalog.uniqueKeys("favorites")).contains("favoritable_id,favoritable_type,user_id");
        assertThat(catalog.uniqueKeys("user_collections")).contains("name,user_id");
        assertThat(catalog.uniqueKeys("user_collection_items")).contains("collection_id,track_id", "collection_id,position");
        assertThat(catalog.uniqueKeys("user_follows")).contains("followee_id,followee_type,follower_id");
        assertThat(catalog.uniqueKeys("user_preferences")).contains("user_id");
        // reordering swaps positions inside a transaction: that unique key is checked at commit
        assertThat(TestDatabase.count("""
                select count(*) from pg_constraint c join pg_namespace n on n.oid = c.connamespace
                where n.nspname = current_schema() and c.conname = 'uq_user_collection_items_collection_position'
                  and c.condeferrable and c.condeferred""")).isEqualTo(1);
        // the partitioned table's primary key includes the partition column
        assertThat(TestDatabase.rows("""
                select pg_get_constraintdef(c.oid) as def from pg_constraint c
                where c.conrelid = 'play_history'::regclass and c.contype = 'p'""").get(0).get("def"))
                .isEqualTo("PRIMARY KEY (id, played_at)");
    }

    @Test
    void foreignKeysStayInsideTheSchemaWithTheirDeleteRules() {
        assertThat(catalog.foreignKeys("user_collection_items"))
                .containsExactly("collection_id -> user_collections (CASCADE)");
        for (String table : Set.of("favorites", "play_history", "feedback", "user_collections", "user_follows",
                "user_preferences")) {
            assertThat(catalog.foreignKeys(table)).as(table).isEmpty();
        }
        assertThat(catalog.foreignKeySchemasOutside()).isEmpty();
    }

    @Test
    void hasTheCheckConstraints() {
        assertThat(String.join(" ", catalog.checks("play_history")))
                .contains("completion_percentage >= ", "duration_played_ms >= 0", "position_ms >= 0",
                        "'youtube'", "'record_page'", "ip_country", "jsonb_typeof(metadata)");
        assertThat(String.join(" ", catalog.checks("favorites")))
                .contains("'track'", "'record'", "'store'", "'audio_match'");
        assertThat(String.join(" ", catalog.checks("feedback")))
                .contains("resolved_at IS NULL", "'resolved'", "'dismissed'", "'urgent'");
        assertThat(String.join(" ", catalog.checks("user_collections")))
                .contains("item_count >= 0", "total_duration_seconds >= 0");
        assertThat(String.join(" ", catalog.checks("user_collection_items")))
                .contains("\"position\" >= 0", "duration_seconds >= 0");
        assertThat(String.join(" ", catalog.checks("user_follows")))
                .contains("'user'", "'store'", "followee_id = follower_id");
        assertThat(String.join(" ", catalog.checks("user_preferences")))
                .contains("preferred_platforms <@", "'lossless'", "'dark'", "jsonb_typeof(privacy_settings)");
    }

    @Test
    void everyTableWithUpdatedAtHasItsTriggerAndTheStatsTriggersExist() {
        assertThat(catalog.tablesWithUpdatedAt()).containsAll(Set.of("favorites", "feedback", "user_collections",
                "user_follows", "user_preferences"));
        for (String table : catalog.tablesWithUpdatedAt()) {
            if (table.equals("time_partitioned_table")) {
                continue; // the platform's registry, written only by migrations
            }
            assertThat(catalog.triggers(table)).as(table).contains("trg_" + table + "_updated_at");
        }
        assertThat(catalog.triggers("user_collection_items")).contains("trg_user_collection_items_stats_insert",
                "trg_user_collection_items_stats_update", "trg_user_collection_items_stats_delete");
        assertThat(catalog.functions()).contains("update_updated_at_column", "sync_user_collection_stats",
                "ensure_time_partitions", "drop_time_partitions_before", "maintain_time_partitions");
    }

    @Test
    void playHistoryIsPartitionedByMonthWithPartitionsAheadAndRetention() {
        assertThat(catalog.isPartitioned("play_history")).isTrue();
        Set<String> partitions = catalog.partitions("play_history");
        LocalDate month = LocalDate.now(ZoneOffset.UTC).withDayOfMonth(1);
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyyMMdd");
        for (int ahead = 0; ahead <= 3; ahead++) {
            assertThat(partitions).contains("play_history_p" + month.plusMonths(ahead).format(f));
        }
        assertThat(partitions).contains("play_history_default");
        Map<String, Object> registered = TestDatabase.rows("""
                select step::text as step, premake, retention::text as retention
                from time_partitioned_table where table_name = 'play_history'""").get(0);
        assertThat(registered).containsEntry("step", "1 mon").containsEntry("retention", "2 years");
    }
}
