package io.rotation.catalog.record;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.rotation.catalog.record.model.RecordFilter;
import io.rotation.catalog.record.model.RecordSort;
import io.rotation.catalog.record.service.RecordSearch;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.TestDatabase;
import io.rotation.platform.testing.TestTokens;
import java.util.ArrayList;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GET /api/v1/records against the real 1,000-release sample (expected releases looked up in
 * deploy/local/data/discogs/discogs_20200806_releases.xml.gz). The database is shared with other
 * tests, so results are compared on the sample's release ids.
 */
@QuarkusTest
@WithTestResource(RotationStack.class)
class RecordSearchTest {

    /** The release ids of the sample (other tests' records are left out of the comparisons). */
    private static final Set<Long> SAMPLE_IDS = sampleReleaseIds();

    @BeforeEach
    void importTheSampleOnce() throws Exception {
        TestDumps.importSampleOnce(this);
    }

    @Test
    void findsKnownReleasesByArtistTitleGenreStyleYearCountryAndLabel() {
        assertThat(sampleIds(Map.of("artist", "persuader"))).containsExactlyInAnyOrder(1L, 79L, 101L);
        // release 88 credits the artist under a variation of the name (ANV "Blue 6"), as Discogs displays it
        assertThat(sampleIds(Map.of("artist", "Blue Six"))).containsExactlyInAnyOrder(9L, 11L);
        assertThat(sampleIds(Map.of("artist", "blue 6"))).containsExactly(88L);
        assertThat(sampleIds(Map.of("q", "stockholm"))).containsExactly(1L);
        assertThat(sampleIds(Map.of("q", "knockin boots"))).containsExactlyInAnyOrder(2L, 6L);
        assertThat(sampleIds(Map.of("q", "persuader city"))).containsExactly(79L);
        assertThat(sampleIds(Map.of("genre", "Brass & Military"))).containsExactlyInAnyOrder(1586336L, 1586348L);
        assertThat(sampleIds(Map.of("style", "Flamenco"))).containsExactly(1586381L);
        assertThat(sampleIds(Map.of("label", "Naked Music Recordings")))
                .containsExactlyInAnyOrder(9L, 10L, 11L, 12L, 51L);
        assertThat(sampleIds(Map.of("country", "sweden", "year_from", "1998", "year_to", "1998")))
                .containsExactlyInAnyOrder(2L, 6L, 44L, 79L, 96L, 101L);
        List<Long> deepHouse2000 = sampleIds(Map.of("genre", "Electronic", "style", "Deep House",
                "year_from", "2000", "year_to", "2000"));
        assertThat(deepHouse2000).hasSize(21).contains(7L, 8L, 9L, 13L, 15L, 19L, 22L, 23L);
    }

    @Test
    void itemsCarryTheListFields() {
        Map<String, Object> stockholm = allItems(Map.of("q", "stockholm", "country", "sweden")).stream()
                .filter(i -> i.get("discogs_release_id") != null
                        && ((Number) i.get("discogs_release_id")).longValue() == 1L).findFirst().orElseThrow();
        assertThat(stockholm).containsKeys("id", "thumbnail").containsEntry("artist", "The Persuader")
                .containsEntry("title", "Stockholm").containsEntry("year", 1999)
                .containsEntry("genres", List.of("Electronic")).containsEntry("styles", List.of("Deep House"));
        assertThat((List<?>) stockholm.get("formats")).isNotEmpty();
    }

    @Test
    void pagingWithTheCursorGivesEveryRecordOnceAndInOrder() {
        String jazz = "r.genres @> '{Jazz}' and r.status = 'active'";
        assertPagesFollow("title", jazz, "r.title, r.id");
        assertPagesFollow("-title", jazz, "r.title desc, r.id desc");
        assertPagesFollow("artist", jazz, "r.artist, r.id");
        assertPagesFollow("-year", jazz, "coalesce(r.release_year, -1) desc, r.id desc");
        assertPagesFollow("year", jazz, "coalesce(r.release_year, 32767), r.id");
        assertPagesFollow("-created_at", jazz, "r.created_at desc, r.id desc");
    }

    @Test
    void relevancePagesToo() {
        List<Long> paged = pageThrough(Map.of("q", "the", "genre", "Rock"), 9);
        List<Long> expected = TestDatabase.rows("""
                        select r.id from records r
                        where r.search_vector @@ records_prefix_query('the') and r.genres @> '{Rock}'
                          and r.status = 'active'
                        order by ts_rank(r.search_vector, records_prefix_query('the')) desc, r.id desc""")
                .stream().map(row -> ((Number) row.get("id")).longValue()).toList();
        assertThat(expected).hasSizeGreaterThan(20);
        assertThat(paged).isEqualTo(expected);
    }

    @Test
    void storeIdListsRecordsWithACopyForSaleThere() {
        long store = TestTokens.newUserId();
        long stockholm = TestDatabase.count("select id from records where discogs_release_id = 1");
        long knockin = TestDatabase.count("select id from records where discogs_release_id = 2");
        TestDatabase.update("""
                insert into store_inventory (store_id, record_id, condition, price, currency, status)
                values (?, ?, 'Mint (M)', 20.00, 'EUR', 'active'), (?, ?, 'Mint (M)', 20.00, 'EUR', 'sold')""",
                store, stockholm, store, knockin);

        JsonPath page = given().queryParam("store_id", store).get("/api/v1/records").then().statusCode(200)
                .extract().jsonPath();
        assertThat(page.getList("items.id", Long.class)).containsExactly(stockholm);
    }

    @Test
    void badParametersAre400NamingTheParameter() {
        assertBad(Map.of("limit", "0"), "limit");
        assertBad(Map.of("limit", "101"), "limit");
        assertBad(Map.of("limit", "ten"), "limit");
        assertBad(Map.of("year_from", "199x"), "year_from");
        assertBad(Map.of("year_from", "2000", "year_to", "1990"), "year_from");
        assertBad(Map.of("sort", "price"), "sort");
        assertBad(Map.of("sort", "relevance"), "sort");
        assertBad(Map.of("cursor", "%%%not-base64"), "cursor");
        assertBad(Map.of("cursor", "bm90IGEgY3Vyc29y"), "cursor");
        assertBad(Map.of("q", "!!!"), "q");
        assertBad(Map.of("store_id", "-3"), "store_id");
        assertBad(Map.of("genre", " "), "genre");
        String titleCursor = given().queryParam("sort", "title").queryParam("limit", "1").get("/api/v1/records")
                .then().statusCode(200).extract().jsonPath().getString("next_cursor");
        assertBad(Map.of("sort", "-year", "cursor", titleCursor), "cursor");
    }

    @Test
    void quotesBackslashesAndOperatorsInTextAreSearchedAsWords() {
        for (String text : List.of("it's", "a\\b", "\"x\" & | ! :* (", "Knockin' Boots", "50%_off", "日本")) {
            given().queryParam("q", text).queryParam("artist", text).queryParam("label", text)
                    .get("/api/v1/records").then().statusCode(200);
        }
        assertThat(sampleIds(Map.of("q", "knockin' boots (vol 1"))).containsExactly(6L);
    }

    @Test
    void theGenreFilterUsesTheGinIndex() {
        TestDatabase.update("analyze records"); // statistics as autovacuum would have them after an import
        RecordSearch.Statement statement = RecordSearch.statement(
                new RecordFilter(null, null, List.of("Brass & Military"), null, null, null, null, null, null),
                RecordSort.ARTIST, 21, null);
        String plan = TestDatabase.rows("explain " + statement.sql().replaceAll("\\$\\d+::text\\[\\]",
                        "cast(? as text[])"), statement.params().toArray()).stream()
                .map(row -> String.valueOf(row.values().iterator().next())).collect(Collectors.joining("\n"));
        assertThat(plan).contains("idx_records_genres");
    }

    private void assertPagesFollow(String sort, String where, String orderBy) {
        List<Long> expected = TestDatabase.rows("select r.id from records r where " + where + " order by " + orderBy)
                .stream().map(row -> ((Number) row.get("id")).longValue()).toList();
        assertThat(expected).as(sort).hasSizeGreaterThan(20);
        assertThat(pageThrough(Map.of("genre", "Jazz", "sort", sort), 7)).as(sort).isEqualTo(expected);
    }

    private static List<Long> pageThrough(Map<String, String> params, int limit) {
        List<Long> ids = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            RequestSpecification request = given().queryParams(params).queryParam("limit", limit);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/records").then().statusCode(200).extract().jsonPath();
            List<Long> items = page.getList("items.id", Long.class);
            cursor = page.getString("next_cursor");
            assertThat(items.size()).isLessThanOrEqualTo(limit);
            if (cursor != null) {
                assertThat(items).hasSize(limit);
            }
            ids.addAll(items);
            assertThat(++pages).isLessThan(1000);
        } while (cursor != null);
        assertThat(new HashSet<>(ids)).hasSameSizeAs(ids);
        return ids;
    }

    /** The sample's release ids among all the results (paged through: other tests add records too). */
    private static List<Long> sampleIds(Map<String, String> params) {
        return allItems(params).stream().map(i -> (Number) i.get("discogs_release_id"))
                .filter(id -> id != null && SAMPLE_IDS.contains(id.longValue())).map(Number::longValue).toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> allItems(Map<String, String> params) {
        List<Map<String, Object>> items = new ArrayList<>();
        String cursor = null;
        do {
            RequestSpecification request = given().queryParams(params).queryParam("limit", 100);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/records").then().statusCode(200).extract().jsonPath();
            items.addAll((List<Map<String, Object>>) (List<?>) page.getList("items", Map.class));
            cursor = page.getString("next_cursor");
        } while (cursor != null);
        return items;
    }

    private static Set<Long> sampleReleaseIds() {
        try (var in = new GZIPInputStream(Files.newInputStream(TestDumps.SAMPLE))) {
            Set<Long> ids = new HashSet<>();
            Matcher m = Pattern.compile("<release id=\"(\\d+)\"")
                    .matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            while (m.find()) {
                ids.add(Long.parseLong(m.group(1)));
            }
            return ids;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertBad(Map<String, String> params, String field) {
        given().queryParams(params).get("/api/v1/records").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo(field));
    }
}
