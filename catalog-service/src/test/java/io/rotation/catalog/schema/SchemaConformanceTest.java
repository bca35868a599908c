package io.rotation.catalog.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.SchemaCatalog;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The catalog schema, read from pg_catalog, holds what the seed and docs/data-model/catalog.md promise. */
@QuarkusTest
@WithTestResource(RotationStack.class)
class SchemaConformanceTest {

    private static final Set<String> TABLES = Set.of("records", "tracks", "store_inventory", "import_runs",
            "stores", "sync_runs");
    private static final Set<String> PLATFORM_TABLES = Set.of("outbox_event", "processed_event",
            "time_partitioned_table", "databasechangelog", "databasechangeloglock");
    private static final String[] CONDITIONS = {"Mint (M)", "Near Mint (NM or M-)", "Very Good Plus (VG+)",
            "Very Good (VG)", "Good Plus (G+)", "Good (G)", "Fair (F)", "Poor (P)"};

    private final SchemaCatalog catalog = SchemaCatalog.ofService();

    @Test
    void hasEveryTableOfTheCoreContentLayer() {
        assertThat(catalog.tables()).containsAll(TABLES);
        assertThat(catalog.tables().stream().filter(t -> !PLATFORM_TABLES.contains(t)))
                .as("no table beyond the layer's").containsExactlyInAnyOrderElementsOf(TABLES);
        TABLES.forEach(t -> assertThat(catalog.isPartitioned(t)).as(t + " is a plain table").isFalse());
    }

    @Test
    void hasTheColumnsTheImportNeeds() {
        assertThat(catalog.columns("records")).contains("id", "discogs_release_id", "master_id", "artist",
                "artist_sort", "artists", "title", "labels", "formats", "genres", "styles", "release_year",
                "released", "country", "notes", "data_quality", "images", "videos", "extra_artists",
                "identifiers", "tracklist_count", "status", "source", "last_synced_at", "search_vector",
                "created_at", "updated_at");
        assertThat(catalog.columns("tracks")).contains("id", "record_id", "position", "track_index", "title",
                "duration_seconds", "artists", "extra_artists", "is_heading", "tags", "created_at", "updated_at");
        assertThat(catalog.columns("store_inventory")).contains("id", "store_id", "record_id",
                "discogs_listing_id", "condition", "sleeve_condition", "price", "currency", "status", "comments",
                "location", "allow_offers", "listed_at", "sold_at", "created_at", "updated_at");
    }

    @Test
    void trackPositionsAreFreeText() {
        assertThat(io.rotation.platform.testing.TestDatabase.rows("""
                select data_type from information_schema.columns
                where table_schema = current_schema() and table_name = 'tracks' and column_name = 'position'""")
                .get(0)).containsEntry("data_type", "text");
    }

    @Test
    void hasEveryEnumWithItsCompleteLabels() {
        assertThat(catalog.enumValues("record_status"))
                .containsExactly("active", "sold", "reserved", "draft", "removed");
        assertThat(catalog.enumValues("record_condition")).containsExactly(CONDITIONS);
        assertThat(catalog.enumValues("sleeve_condition")).startsWith(CONDITIONS)
                .endsWith("Generic", "Not Graded", "No Cover").hasSize(11);
    }

    @Test
    void hasTheNamedIndexes() {
        assertThat(catalog.indexes()).contains(
                "idx_records_discogs_release_id", "idx_records_artist", "idx_records_artist_sort",
                "idx_records_release_year", "idx_records_genres", "idx_records_styles",
                "idx_records_search_vector", "idx_tracks_record_position", "idx_tracks_tags",
                "idx_store_inventory_store_id_status", "idx_store_inventory_record_id",
                "idx_store_inventory_price");
    }

    @Test
    void arraysAndTextSearchAreGinIndexed() {
        assertThat(indexMethod("idx_records_genres")).isEqualTo("gin");
        assertThat(indexMethod("idx_records_styles")).isEqualTo("gin");
        assertThat(indexMethod("idx_records_search_vector")).isEqualTo("gin");
        assertThat(indexMethod("idx_tracks_tags")).isEqualTo("gin");
    }

    @Test
    void hasTheUniqueKeys() {
        assertThat(catalog.uniqueKeys("records")).contains("discogs_release_id");
        assertThat(catalog.uniqueKeys("tracks")).contains("record_id,track_index");
        assertThat(catalog.uniqueKeys("store_inventory")).contains("discogs_listing_id");
    }

    @Test
    void foreignKeysStayInsideTheSchemaWithTheirDeleteRules() {
        assertThat(catalog.foreignKeys("tracks"))
                .containsExactlyInAnyOrder("record_id -> records (CASCADE)", "parent_track_id -> tracks (CASCADE)");
        assertThat(catalog.foreignKeys("store_inventory")).containsExactly("record_id -> records (RESTRICT)");
        assertThat(catalog.foreignKeys("records")).isEmpty();
        assertThat(catalog.foreignKeySchemasOutside()).isEmpty();
        // store_id is identity's store: a plain indexed id
        assertThat(catalog.columns("store_inventory")).contains("store_id");
    }

    @Test
    void hasTheCheckConstraints() {
        assertThat(String.join("\n", catalog.checks("records"))).contains("release_year", "tracklist_count",
                "jsonb_typeof(artists)");
        assertThat(String.join("\n", catalog.checks("tracks"))).contains("duration_seconds >= 0",
                "track_index >= 0");
        assertThat(String.join("\n", catalog.checks("store_inventory"))).contains("price > ",
                "currency", "sold_at >= listed_at");
    }

    @Test
    void everyTableWithUpdatedAtHasItsTrigger() {
        assertThat(catalog.tablesWithUpdatedAt()).containsAll(TABLES);
        // every table of the schema, the platform's time_partitioned_table included
        for (String table : catalog.tablesWithUpdatedAt()) {
            assertThat(catalog.triggers(table)).as(table).contains("trg_" + table + "_updated_at");
        }
        assertThat(catalog.functions()).contains("update_updated_at_column");
    }

    private static String indexMethod(String index) {
        return (String) io.rotation.platform.testing.TestDatabase.rows("""
                select am.amname from pg_class c join pg_am am on am.oid = c.relam
                join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = current_schema() and c.relname = ?""", index).get(0).get("amname");
    }
}
