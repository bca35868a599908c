package io.rotation.catalog.graphql;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.rotation.catalog.record.TestDumps;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.TestDatabase;
import io.rotation.platform.testing.TestTokens;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** POST /graphql, anonymous: records (same search as REST), record, track, inventory; no N+1 for a page. */
@QuarkusTest
@WithTestResource(RotationStack.class)
class CatalogGraphQLTest {

    @BeforeEach
    void importTheSampleOnce() throws Exception {
        TestDumps.importSampleOnce(this);
    }

    @Test
    void recordsAreSearchedWithTheRestFiltersAndComeWithTracksAndCopies() {
        long store = TestTokens.newUserId();
        long stockholm = TestDatabase.count("select id from records where discogs_release_id = 1");
        TestDatabase.update("""
                insert into store_inventory (store_id, record_id, condition, sleeve_condition, price, currency, status)
                values (?, ?, 'Near Mint (NM or M-)', 'Generic', 0.01, 'EUR', 'active'),
                       (?, ?, 'Mint (M)', null, 99.00, 'EUR', 'draft')""", store, stockholm, store, stockholm);

        JsonPath data = graphql("""
                { records(filter: {artist: "persuader", storeId: %d}) {
                    items { id discogsReleaseId artist title year genres styles formats
                            tracks { position title durationSeconds }
                            inStock { storeId condition sleeveCondition price currency } }
                    nextCursor } }""".formatted(store));

        assertThat(data.getList("data.records.items.discogsReleaseId", Long.class)).containsExactly(1L);
        assertThat(data.getString("data.records.items[0].title")).isEqualTo("Stockholm");
        assertThat(data.getInt("data.records.items[0].year")).isEqualTo(1999);
        assertThat(data.getList("data.records.items[0].genres")).containsExactly("Electronic");
        assertThat(data.getList("data.records.items[0].formats")).contains("Vinyl");
        assertThat(data.getList("data.records.items[0].tracks.title", String.class))
                .containsExactly("Östermalm", "Vasastaden", "Kungsholmen", "Södermalm", "Norrmalm", "Gamla Stan");
        assertThat(data.getString("data.records.items[0].tracks[0].position")).isEqualTo("A");
        // copies of other tests' stores may be there too (a record lists its 20 cheapest, ours costs 0.01);
        // ours is the active one only (the draft is not for sale)
        List<Map<String, Object>> ours = data.<Map<String, Object>>getList("data.records.items[0].inStock").stream()
                .filter(c -> ((Number) c.get("storeId")).longValue() == store).toList();
        assertThat(ours).hasSize(1);
        assertThat(ours.get(0)).containsEntry("condition", "Near Mint (NM or M-)")
                .containsEntry("sleeveCondition", "Generic").containsEntry("currency", "EUR");
        assertThat(data.getString("data.records.nextCursor")).isNull();
    }

    @Test
    void aPageCostsTheSameStatementsWhateverItsSize() {
        String query = """
                { records(filter: {genres: ["Electronic"]}, sort: "title", first: %d) {
                    items { id title tracks { title } inStock { price } } nextCursor } }""";
        List<String> small = statementsOf(() -> {
            JsonPath page = graphql(query.formatted(2));
            assertThat(page.getList("data.records.items")).hasSize(2);
        });
        List<String> large = statementsOf(() -> {
            JsonPath page = graphql(query.formatted(40));
            assertThat(page.getList("data.records.items")).hasSize(40);
            assertThat(page.getList("data.records.items.tracks.flatten()")).hasSizeGreaterThan(40);
        });
        // one statement for the tracks of the page, one for its copies in stock (the search itself is
        // one statement on the Vert.x pool, outside Hibernate)
        assertThat(small).hasSize(2);
        assertThat(large).hasSize(2);
        assertThat(large).anyMatch(sql -> sql.contains("tracks")).anyMatch(sql -> sql.contains("store_inventory"));
    }

    @Test
    void pagingFollowsTheCursor() {
        String query = """
                { records(filter: {label: "Naked Music Recordings"}, sort: "-year", first: 2%s) {
                    items { discogsReleaseId year } nextCursor } }""";
        List<Long> ids = new ArrayList<>();
        String after = null;
        do {
            JsonPath page = graphql(query.formatted(after == null ? "" : ", after: \"" + after + "\""));
            ids.addAll(page.getList("data.records.items.discogsReleaseId", Long.class));
            after = page.getString("data.records.nextCursor");
        } while (after != null);
        // the sample's releases of the label, newest first (ties: the later-imported first); other tests'
        // records, if any, are left out
        List<Long> sample = List.of(9L, 10L, 11L, 12L, 51L);
        assertThat(ids.stream().filter(sample::contains).toList()).containsExactly(51L, 9L, 12L, 11L, 10L);
    }

    @Test
    void aRecordATrackAndTheInventory() {
        long store = TestTokens.newUserId();
        long recordId = TestDatabase.count("select id from records where discogs_release_id = 3");
        long trackId = TestDatabase.count("select id from tracks where record_id = ? and track_index = 0", recordId);
        TestDatabase.update("""
                insert into store_inventory (store_id, record_id, condition, price, currency, status)
                values (?, ?, 'Good (G)', 5.00, 'USD', 'active'), (?, ?, 'Mint (M)', 50.00, 'USD', 'active'),
                       (?, ?, 'Mint (M)', 70.00, 'USD', 'removed')""",
                store, recordId, store, recordId, store, recordId);

        JsonPath data = graphql("""
                { record(id: %d) { title artist tracks { id } }
                  track(id: %d) { recordId trackIndex title }
                  inventory(filter: {storeId: %d}, first: 1) {
                    items { price condition record { discogsReleaseId title } } nextCursor } }"""
                .formatted(recordId, trackId, store));

        assertThat(data.getString("data.record.title")).isEqualTo("Profound Sounds Vol. 1");
        assertThat(data.getString("data.record.artist")).isEqualTo("Josh Wink");
        assertThat(data.getList("data.record.tracks.id", Long.class)).startsWith(trackId);
        assertThat(data.getLong("data.track.recordId")).isEqualTo(recordId);
        assertThat(data.getList("data.inventory.items.condition")).containsExactly("Mint (M)");
        assertThat(data.getList("data.inventory.items.record.title")).containsExactly("Profound Sounds Vol. 1");
        String after = data.getString("data.inventory.nextCursor");
        assertThat(after).isNotNull();

        JsonPath second = graphql("""
                { inventory(filter: {storeId: %d, maxPrice: 60}, first: 1, after: "%s") {
                    items { price condition } nextCursor } }""".formatted(store, after));
        assertThat(second.getList("data.inventory.items.condition")).containsExactly("Good (G)");
        assertThat(second.getString("data.inventory.nextCursor")).isNull();
    }

    @Test
    void badArgumentsAndUnknownIdsAreErrorsNamingThem() {
        assertThat(graphql("{ records(first: 0) { nextCursor } }").getString("errors[0].message"))
                .contains("first");
        assertThat(graphql("{ records(sort: \"price\") { nextCursor } }").getString("errors[0].message"))
                .contains("sort");
        assertThat(graphql("{ records(after: \"bm9wZQ\") { nextCursor } }").getString("errors[0].message"))
                .contains("after");
        assertThat(graphql("{ inventory(filter: {condition: \"Shiny\"}) { nextCursor } }")
                .getString("errors[0].message")).contains("condition");
        assertThat(graphql("{ record(id: %d) { title } }".formatted(Long.MAX_VALUE))
                .getString("errors[0].message")).contains("not found");
    }

    private static JsonPath graphql(String query) {
        return given().contentType("application/json").body(Map.of("query", query))
                .post("/graphql").then().statusCode(200).extract().jsonPath();
    }

    /** The SQL Hibernate sends while the action runs (its org.hibernate.SQL log, switched on for the action). */
    private static List<String> statementsOf(Runnable action) {
        Logger sqlLog = Logger.getLogger("org.hibernate.SQL");
        List<String> statements = Collections.synchronizedList(new ArrayList<>());
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                statements.add(record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Level level = sqlLog.getLevel();
        sqlLog.setLevel(Level.FINE);
        sqlLog.addHandler(capture);
        try {
            action.run();
        } finally {
            sqlLog.removeHandler(capture);
            sqlLog.setLevel(level);
        }
        return List.copyOf(statements);
    }
}
