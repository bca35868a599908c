package io.rotation.catalog.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rotation.catalog.inventory.model.RecordCondition;
import io.rotation.catalog.inventory.model.SleeveCondition;
import io.rotation.catalog.inventory.model.StoreInventory;
import io.rotation.catalog.record.model.CatalogRecord;
import io.rotation.catalog.record.model.RecordStatus;
import io.rotation.catalog.record.model.Track;
import io.rotation.platform.testing.OnVertx;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.TestDatabase;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.ConfigProvider;
import org.hibernate.reactive.mutiny.Mutiny;
import org.junit.jupiter.api.Test;

/** What the catalog schema does with data: GIN search, cascades, checks, triggers, entity round trips. */
@QuarkusTest
@WithTestResource(RotationStack.class)
class CatalogSchemaBehaviourTest {

    @Inject
    Mutiny.SessionFactory sessionFactory;

    @Inject
    Vertx vertx;

    @Test
    void aGenreFilterFindsTheRecordThroughTheGinIndex() throws Exception {
        long releaseId = newReleaseId();
        long id = insertRecord(releaseId, "The Persuader", "Stockholm", "{Electronic}", "{\"Deep House\"}");
        insertRecord(newReleaseId(), "Someone Else", "Jazz Record", "{Jazz}", "{}");

        List<Long> found = TestDatabase.rows(
                "select id from records where genres @> array['Electronic'] and discogs_release_id = ?", releaseId)
                .stream().map(r -> ((Number) r.get("id")).longValue()).toList();
        assertThat(found).containsExactly(id);
        assertThat(TestDatabase.count("select count(*) from records where id = ? and styles @> array['Deep House']",
                id)).isEqualTo(1);

        // the planner can answer the containment filter from idx_records_genres
        List<String> plan = explainWithoutSeqScan("select id from records where genres @> array['Electronic']");
        assertThat(String.join("\n", plan)).contains("idx_records_genres");
    }

    @Test
    void textSearchFindsARecordByArtistAndTitle() {
        String word = "zq" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36);
        long id = insertRecord(newReleaseId(), "The " + word, "City Of Islands", "{Electronic}", "{}");
        assertThat(TestDatabase.count("""
                select count(*) from records
                where search_vector @@ plainto_tsquery('simple', ?) and id = ?""", word + " islands", id))
                .isEqualTo(1);
    }

    @Test
    void tracksGoWithTheirRecord() {
        long recordId = insertRecord(newReleaseId(), "Josh Wink", "Profound Sounds Vol. 1", "{Electronic}", "{}");
        long heading = insertTrack(recordId, null, 0, "This Side", null, true);
        insertTrack(recordId, "A1", 1, "Untitled 8", 420, false);
        TestDatabase.update("insert into tracks (record_id, parent_track_id, position, track_index, title) "
                + "values (?, ?, 'A2a', 2, 'Sub track')", recordId, heading);
        assertThat(TestDatabase.count("select count(*) from tracks where record_id = ?", recordId)).isEqualTo(3);

        TestDatabase.update("delete from records where id = ?", recordId);
        assertThat(TestDatabase.count("select count(*) from tracks where record_id = ?", recordId)).isZero();
    }

    @Test
    void aTrackIndexIsUniqueWithinItsRecordAndDurationsAreNotNegative() {
        long recordId = insertRecord(newReleaseId(), "A", "B", "{}", "{}");
        insertTrack(recordId, "A1", 0, "One", 100, false);
        assertThatThrownBy(() -> insertTrack(recordId, "A2", 0, "Two", 100, false))
                .hasStackTraceContaining("uq_tracks_record_track_index");
        assertThatThrownBy(() -> insertTrack(recordId, "A2", 1, "Two", -1, false))
                .hasStackTraceContaining("ck_tracks_duration_seconds");
    }

    @Test
    void releaseYearMustBeSane() {
        assertThatThrownBy(() -> TestDatabase.update(
                "insert into records (artist, title, release_year) values ('A', 'B', 99)"))
                .hasStackTraceContaining("ck_records_release_year");
    }

    @Test
    void inventoryRejectsANonPositivePriceAndAnUnknownCondition() {
        long recordId = insertRecord(newReleaseId(), "Danger Mouse & Daniele Luppi", "Rome", "{Rock}", "{}");
        assertThatThrownBy(() -> insertListing(recordId, "Near Mint (NM or M-)", "0.00"))
                .hasStackTraceContaining("ck_store_inventory_price");
        assertThatThrownBy(() -> insertListing(recordId, "Near Mint (NM or M-)", "-5.00"))
                .hasStackTraceContaining("ck_store_inventory_price");
        assertThatThrownBy(() -> insertListing(recordId, "Like New", "10.00"))
                .hasStackTraceContaining("invalid input value for enum record_condition");
        assertThatThrownBy(() -> TestDatabase.update("""
                insert into store_inventory (store_id, record_id, condition, price, currency)
                values (1, ?, 'Mint (M)', 10, 'usd')""", recordId))
                .hasStackTraceContaining("ck_store_inventory_currency");

        insertListing(recordId, "Near Mint (NM or M-)", "149.99");
        assertThat(TestDatabase.count("select count(*) from store_inventory where record_id = ?", recordId))
                .isEqualTo(1);
    }

    @Test
    void aRecordWithCopiesForSaleCannotBeDeleted() {
        long recordId = insertRecord(newReleaseId(), "A", "B", "{}", "{}");
        insertListing(recordId, "Very Good Plus (VG+)", "12.50");
        assertThatThrownBy(() -> TestDatabase.update("delete from records where id = ?", recordId))
                .hasStackTraceContaining("fk_store_inventory_record_id");
    }

    @Test
    void anUpdateMovesUpdatedAtOnEveryTable() {
        long recordId = insertRecord(newReleaseId(), "A", "B", "{}", "{}");
        long trackId = insertTrack(recordId, "A1", 0, "One", 100, false);
        long listingId = insertListing(recordId, "Good (G)", "5.00");
        Map<String, Long> rows = Map.of("records", recordId, "tracks", trackId, "store_inventory", listingId);
        Map<String, Instant> before = new HashMap<>();
        rows.forEach((table, id) -> before.put(table, updatedAt(table, id)));

        // the writer does not touch updated_at: the trigger must
        TestDatabase.update("update records set title = 'C' where id = ?", recordId);
        TestDatabase.update("update tracks set title = 'Two' where id = ?", trackId);
        TestDatabase.update("update store_inventory set price = 6 where id = ?", listingId);

        rows.forEach((table, id) -> assertThat(updatedAt(table, id)).as(table + ".updated_at")
                .isAfter(before.get(table)));
    }

    @Test
    void entitiesReadWhatTheImportWrites() throws Exception {
        long releaseId = newReleaseId();
        long recordId = insertRecord(releaseId, "The Persuader", "Stockholm", "{Electronic}", "{\"Deep House\"}");
        TestDatabase.update("""
                update records set artists = ?::jsonb, labels = ?::jsonb, images = ?::jsonb, videos = ?::jsonb,
                  release_year = 1999, released = '1999-03-00', master_id = 1660109 where id = ?""",
                "[{\"id\": 1, \"name\": \"The Persuader\", \"anv\": \"\", \"join\": \"\", \"role\": \"\"}]",
                "[{\"name\": \"Svek\", \"catno\": \"SK032\", \"id\": 5}]",
                "[{\"type\": \"primary\", \"uri\": \"\", \"width\": 600, \"height\": 600}]",
                "[{\"src\": \"https://www.youtube.com/watch?v=MpmbntGDyNE\", \"duration\": 296, \"embed\": true}]",
                recordId);
        long trackId = insertTrack(recordId, "B1", 1, "Vasastaden", 371, false);

        CatalogRecord record = onVertx(() -> sessionFactory.withSession(s -> s.find(CatalogRecord.class, recordId)));
        assertThat(record.discogsReleaseId).isEqualTo(releaseId);
        assertThat(record.genres).containsExactly("Electronic");
        assertThat(record.styles).containsExactly("Deep House");
        assertThat(record.labels.get(0).get("catno").asText()).isEqualTo("SK032");
        assertThat(record.videos.get(0).get("duration").asInt()).isEqualTo(296);
        assertThat(record.images.isArray()).isTrue();
        assertThat(record.releaseYear).isEqualTo((short) 1999);
        assertThat(record.status).isEqualTo(RecordStatus.active);

        Track track = onVertx(() -> sessionFactory.withSession(s -> s.find(Track.class, trackId)));
        assertThat(track.position).isEqualTo("B1");
        assertThat(track.durationSeconds).isEqualTo(371);
        assertThat(track.tags).isEmpty();

        StoreInventory copy = new StoreInventory();
        copy.storeId = 42;
        copy.recordId = recordId;
        copy.discogsListingId = ThreadLocalRandom.current().nextLong(1L, Long.MAX_VALUE);
        copy.condition = RecordCondition.NEAR_MINT;
        copy.sleeveCondition = SleeveCondition.GENERIC;
        copy.price = new BigDecimal("149.99");
        copy.currency = "USD";
        copy.status = RecordStatus.active;
        copy.allowOffers = true;
        Long copyId = onVertx(() -> sessionFactory.withTransaction(s -> s.persist(copy).replaceWith(() -> copy.id)));
        var row = TestDatabase.rows("select condition::text as c, sleeve_condition::text as s from store_inventory "
                + "where id = ?", copyId).get(0);
        assertThat(row).containsEntry("c", "Near Mint (NM or M-)").containsEntry("s", "Generic");

        StoreInventory read = onVertx(() -> sessionFactory.withSession(s -> s.find(StoreInventory.class, copyId)));
        assertThat(read.condition).isEqualTo(RecordCondition.NEAR_MINT);
        assertThat(read.sleeveCondition).isEqualTo(SleeveCondition.GENERIC);
        assertThat(read.currency).isEqualTo("USD");
    }

    @Test
    void entitiesWriteJsonArraysAsJsonArrays() throws Exception {
        CatalogRecord record = new CatalogRecord();
        record.discogsReleaseId = newReleaseId();
        record.artist = "Josh Wink";
        record.title = "Profound Sounds Vol. 1";
        ObjectMapper json = new ObjectMapper();
        record.artists = json.readTree("[{\"id\": 3, \"name\": \"Josh Wink\"}]");
        record.labels = json.readTree("[{\"name\": \"Ruffhouse Records\", \"catno\": \"CK 63628\", \"id\": 6}]");
        record.formats = json.readTree("[{\"name\": \"CD\", \"qty\": \"1\", \"descriptions\": [\"Mixed\"]}]");
        record.images = json.readTree("[]");
        record.videos = json.readTree("[]");
        record.extraArtists = json.readTree("[]");
        record.companies = json.readTree("[]");
        record.series = json.readTree("[]");
        record.identifiers = json.readTree("[{\"type\": \"Barcode\", \"value\": \"074646362822\"}]");
        record.genres = new String[] {"Electronic"};
        record.styles = new String[] {"Techno", "Tech House"};
        record.releaseYear = 1999;
        record.status = RecordStatus.active;
        record.source = "discogs_api";
        Long id = onVertx(() -> sessionFactory.withTransaction(s -> s.persist(record).replaceWith(() -> record.id)));

        var row = TestDatabase.rows("""
                select jsonb_typeof(labels) as labels, labels -> 0 ->> 'catno' as catno,
                       jsonb_typeof(identifiers) as identifiers, array_to_string(styles, '|') as styles
                from records where id = ?""", id).get(0);
        assertThat(row).containsEntry("labels", "array").containsEntry("catno", "CK 63628")
                .containsEntry("identifiers", "array").containsEntry("styles", "Techno|Tech House");
        assertThat(TestDatabase.count("select count(*) from records where id = ? and genres @> array['Electronic']",
                id)).isEqualTo(1);
    }

    private <T> T onVertx(Supplier<Uni<T>> work) throws Exception {
        return OnVertx.await(vertx, work);
    }

    private static long newReleaseId() {
        return ThreadLocalRandom.current().nextLong(1_000_000_000L, Long.MAX_VALUE);
    }

    private static long insertRecord(long releaseId, String artist, String title, String genres, String styles) {
        return ((Number) TestDatabase.rows("""
                insert into records (discogs_release_id, artist, title, genres, styles, source)
                values (?, ?, ?, ?::text[], ?::text[], 'discogs_dump') returning id""",
                releaseId, artist, title, genres, styles).get(0).get("id")).longValue();
    }

    private static long insertTrack(long recordId, String position, int index, String title, Integer duration,
            boolean heading) {
        return ((Number) TestDatabase.rows("""
                insert into tracks (record_id, position, track_index, title, duration_seconds, is_heading)
                values (?, ?, ?, ?, ?, ?) returning id""", recordId, position, index, title, duration, heading)
                .get(0).get("id")).longValue();
    }

    private static long insertListing(long recordId, String condition, String price) {
        return ((Number) TestDatabase.rows("""
                insert into store_inventory (store_id, record_id, discogs_listing_id, condition, sleeve_condition,
                  price, currency, allow_offers, listed_at)
                values (?, ?, ?, ?::record_condition, 'Near Mint (NM or M-)', ?::numeric, 'USD', true, now())
                returning id""", ThreadLocalRandom.current().nextLong(1, 1_000_000), recordId,
                ThreadLocalRandom.current().nextLong(1L, Long.MAX_VALUE), condition, price).get(0).get("id"))
                .longValue();
    }

    private static Instant updatedAt(String table, long id) {
        return ((Timestamp) TestDatabase.rows("select updated_at from " + table + " where id = ?", id).get(0)
                .get("updated_at")).toInstant();
    }

    private static List<String> explainWithoutSeqScan(String sql) throws Exception {
        var config = ConfigProvider.getConfig();
        try (Connection c = DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getValue("quarkus.datasource.username", String.class),
                config.getValue("quarkus.datasource.password", String.class));
             Statement s = c.createStatement()) {
            s.execute("set enable_seqscan = off");
            List<String> lines = new ArrayList<>();
            try (ResultSet r = s.executeQuery("explain " + sql)) {
                while (r.next()) {
                    lines.add(r.getString(1));
                }
            }
            return lines;
        }
    }
}
