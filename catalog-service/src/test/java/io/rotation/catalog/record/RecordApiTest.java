package io.rotation.catalog.record;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.rotation.catalog.discogs.dump.DumpImporter;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.TestDatabase;
import io.rotation.platform.testing.TestTokens;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GET /api/v1/records/{id} and /api/v1/tracks/{id}: public, 404 for unknown ids, 400 for non-numeric ones. */
@QuarkusTest
@WithTestResource(RotationStack.class)
class RecordApiTest {

    @Inject
    DumpImporter importer;

    @Test
    void aRecordComesWithItsTracksInOrderAndItsActiveCopies() throws Exception {
        importer.importFile(Path.of(RecordApiTest.class.getClassLoader()
                .getResource("discogs/dump/crafted-releases.xml").toURI()));
        long recordId = TestDatabase.count("select id from records where discogs_release_id = 990000004");
        long store = TestTokens.newUserId();
        TestDatabase.update("""
                insert into store_inventory (store_id, record_id, condition, sleeve_condition, price, currency, status)
                values (?, ?, 'Very Good Plus (VG+)', 'Generic', 12.50, 'EUR', 'active'),
                       (?, ?, 'Mint (M)', null, 99.00, 'EUR', 'sold')""", store, recordId, store, recordId);

        JsonPath record = given().get("/api/v1/records/" + recordId).then().statusCode(200)
                .body("id", equalTo((int) recordId)).body("discogs_release_id", equalTo(990000004))
                .body("artist", equalTo("Second Good")).body("title", equalTo("With Headings"))
                .body("year", equalTo(2001)).body("released", equalTo("2001-05-00"))
                .body("tracks.title", contains("Side A", "Opener", "Suite", "Part 1", "Part 2"))
                .body("tracks.track_index", contains(0, 1, 2, 3, 4))
                .body("tracks[1].position", equalTo("A1")).body("tracks[1].duration_seconds", equalTo(285))
                .body("tracks[0].heading", equalTo(true)).body("tracks[0].position", nullValue())
                .extract().jsonPath();
        List<Object> stock = record.getList("in_stock.findAll { it.store_id == " + store + "L }");
        assertThat(stock).hasSize(1);
        JsonPath copy = given().get("/api/v1/records/" + recordId).then().extract().jsonPath();
        assertThat(copy.getString("in_stock.find { it.store_id == " + store + "L }.condition"))
                .isEqualTo("Very Good Plus (VG+)");
        assertThat(copy.getString("in_stock.find { it.store_id == " + store + "L }.sleeve_condition"))
                .isEqualTo("Generic");
        assertThat(copy.getDouble("in_stock.find { it.store_id == " + store + "L }.price")).isEqualTo(12.5);
        assertThat(copy.getString("in_stock.find { it.store_id == " + store + "L }.currency")).isEqualTo("EUR");

        long partTwo = record.getLong("tracks[4].id");
        long suite = record.getLong("tracks[2].id");
        given().get("/api/v1/tracks/" + partTwo).then().statusCode(200)
                .body("id", equalTo((int) partTwo)).body("record_id", equalTo((int) recordId))
                .body("title", equalTo("Part 2")).body("position", equalTo("A2.b"))
                .body("parent_track_id", equalTo((int) suite)).body("duration_seconds", nullValue())
                .body("artists", hasSize(0));
    }

    @Test
    void unknownIdsAre404AndNonNumericIds400() {
        given().get("/api/v1/records/" + Long.MAX_VALUE).then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/v1/tracks/" + Long.MAX_VALUE).then().statusCode(404)
                .contentType("application/problem+json");
        given().get("/api/v1/records/abc").then().statusCode(400).contentType("application/problem+json");
        given().get("/api/v1/tracks/1x").then().statusCode(400).contentType("application/problem+json");
    }
}
