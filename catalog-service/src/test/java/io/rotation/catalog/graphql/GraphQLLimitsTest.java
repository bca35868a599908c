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
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** /graphql is public: too deep or too wide a query is refused before it runs; lists are capped. */
@QuarkusTest
@WithTestResource(RotationStack.class)
class GraphQLLimitsTest {

    @BeforeEach
    void importTheSampleOnce() throws Exception {
        TestDumps.importSampleOnce(this);
    }

    @Test
    void aQueryNestingCopyAndRecordPastTheDepthLimitIsRefused() {
        JsonPath answer = graphql("""
                { inventory(first: 100) { items { record { inStock { record { inStock { record { title } } } } } } } }""");

        assertThat(answer.getString("errors[0].message")).containsIgnoringCase("depth");
        assertThat(answer.getMap("data")).isNull();
    }

    @Test
    void aQueryWithTooManyFieldsIsRefused() {
        String aliases = IntStream.range(0, 60).mapToObj(i -> "r" + i + ": records(first: 100) { items { id title } }")
                .collect(Collectors.joining(" "));

        JsonPath answer = graphql("{ " + aliases + " }");

        assertThat(answer.getString("errors[0].message")).containsIgnoringCase("complexity");
        assertThat(answer.getMap("data")).isNull();
    }

    @Test
    void aNormalQueryAtTheDepthLimitStillRuns() {
        JsonPath answer = graphql("""
                { records(filter: {artist: "persuader"}, first: 100) {
                    items { id title tracks { title } inStock { price record { id title } } } nextCursor } }""");

        assertThat(answer.getList("errors")).isNull();
        assertThat(answer.getList("data.records.items.title")).contains("Stockholm");
    }

    @Test
    void aRecordListsAtMostTwentyOfItsCopiesCheapestFirst() {
        long store = TestTokens.newUserId();
        // a record of its own: 25 cheap copies on a sample record would push other tests' copies off its page
        long record = TestDatabase.count("""
                insert into records (artist, title, source) values ('Twenty Copies', 'Cheapest First', 'manual')
                returning id""");
        for (int i = 0; i < 25; i++) {
            TestDatabase.update("""
                    insert into store_inventory (store_id, record_id, condition, price, currency, status)
                    values (?, ?, 'Mint (M)', ?, 'EUR', 'active')""", store, record, 0.01 + i * 0.01);
        }

        JsonPath answer = graphql("{ record(id: %d) { inStock { price } } }".formatted(record));

        assertThat(answer.getList("data.record.inStock")).hasSize(CatalogGraphQL.IN_STOCK_PER_RECORD);
        assertThat(answer.getFloat("data.record.inStock[0].price")).isEqualTo(0.01f);
    }

    private static JsonPath graphql(String query) {
        return given().contentType("application/json").body(Map.of("query", query))
                .post("/graphql").then().extract().jsonPath();
    }
}
