package io.rotation.catalog.inventory;

import static io.restassured.RestAssured.given;
import static io.rotation.catalog.inventory.InventoryFixtures.manager;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.rotation.contracts.EventType;
import io.rotation.contracts.Topics;
import io.rotation.platform.testing.KafkaTail;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.TestDatabase;
import io.rotation.platform.testing.TestTokens;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** /api/v1/inventory: who may do what, what bad input answers, and the events every change announces. */
@QuarkusTest
@WithTestResource(RotationStack.class)
class InventoryApiTest {

    private long store;
    private long otherStore;
    private long record;
    private String managerToken;
    private String otherManagerToken;
    private final String userToken = TestTokens.user(TestTokens.newUserId());
    private final String adminToken = TestTokens.admin(TestTokens.newUserId());

    @BeforeEach
    void fixtures() {
        store = InventoryFixtures.store("active", null);
        otherStore = InventoryFixtures.store("active", null);
        record = InventoryFixtures.record("Persuader, The", "Stockholm");
        managerToken = manager(TestTokens.newUserId(), store);
        otherManagerToken = manager(TestTokens.newUserId(), otherStore);
    }

    @Test
    void aManagerListsACopyInTheirStoreAnnouncedOnce() {
        try (KafkaTail tail = tail()) {
            JsonPath created = as(managerToken).body(copy(store, record)).post("/api/v1/inventory")
                    .then().statusCode(201).header("Location", containsString("/api/v1/inventory/"))
                    .body("store_id", equalTo(store)).body("store_name", equalTo("Store " + store))
                    .body("record_id", equalTo((int) record)).body("title", equalTo("Stockholm"))
                    .body("condition", equalTo("Very Good Plus (VG+)"))
                    .body("sleeve_condition", equalTo("Very Good (VG)")).body("price", equalTo(24.5f))
                    .body("currency", equalTo("EUR")).body("status", equalTo("active"))
                    .body("location", equalTo("Bin A3")).body("listed_at", notNullValue())
                    .extract().jsonPath();
            long id = created.getLong("id");

            List<ConsumerRecord<String, byte[]>> events = announced(tail, id, 1);
            assertThat(events).hasSize(1);
            assertThat(type(events.get(0))).isEqualTo(EventType.INVENTORY_LISTED.type());
            JsonPath payload = JsonPath.from(new String(events.get(0).value(), StandardCharsets.UTF_8));
            assertThat(payload.getLong("inventory_id")).isEqualTo(id);
            assertThat(payload.getLong("store_id")).isEqualTo(store);
            assertThat(payload.getString("condition")).isEqualTo("Very Good Plus (VG+)");
            assertThat(payload.getString("status")).isEqualTo("active");
            assertThat(tail.drain(Duration.ofSeconds(2)).stream().filter(r -> String.valueOf(id).equals(r.key())))
                    .as("published exactly once").hasSize(1);
        }
    }

    @Test
    void onlyManagersOfTheStoreAndAdminsWriteIt() {
        given().contentType("application/json").body(copy(store, record)).post("/api/v1/inventory")
                .then().statusCode(401).contentType("application/problem+json");
        as(userToken).body(copy(store, record)).post("/api/v1/inventory").then().statusCode(403)
                .contentType("application/problem+json");
        as(otherManagerToken).body(copy(store, record)).post("/api/v1/inventory").then().statusCode(403);
        assertThat(copiesOf(store)).isZero();

        long id = as(adminToken).body(copy(store, record)).post("/api/v1/inventory").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        assertThat(copiesOf(store)).isEqualTo(1);

        as(otherManagerToken).body(Map.of("price", 1)).patch("/api/v1/inventory/" + id).then().statusCode(403);
        as(userToken).body(Map.of("price", 1)).patch("/api/v1/inventory/" + id).then().statusCode(403);
        given().contentType("application/json").body(Map.of("price", 1)).patch("/api/v1/inventory/" + id)
                .then().statusCode(401);
        as(otherManagerToken).delete("/api/v1/inventory/" + id).then().statusCode(403);
        as(userToken).delete("/api/v1/inventory/" + id).then().statusCode(403);
        given().delete("/api/v1/inventory/" + id).then().statusCode(401);
        assertThat(TestDatabase.rows("select price, status::text as status from store_inventory where id = ?", id)
                .get(0)).containsEntry("status", "active");

        as(managerToken).body(Map.of("price", 30)).patch("/api/v1/inventory/" + id).then().statusCode(200)
                .body("price", equalTo(30.0f));
        as(adminToken).body(Map.of("price", 31)).patch("/api/v1/inventory/" + id).then().statusCode(200);
    }

    @Test
    void badInputIsA400NamingTheFieldAndWritesNothing() {
        Map<String, Object> body = copy(store, record);
        body.put("condition", "VG+");
        as(managerToken).body(body).post("/api/v1/inventory").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("condition"))
                .body("detail", containsString("\"Very Good Plus (VG+)\""))
                .body("detail", containsString("\"Near Mint (NM or M-)\""));

        body = copy(store, record);
        body.put("record_id", Long.MAX_VALUE);
        as(managerToken).body(body).post("/api/v1/inventory").then().statusCode(400)
                .body("errors.field", hasItem("record_id"));

        body = copy(store, record);
        body.put("sleeve_condition", "Damaged");
        body.put("price", -3);
        body.put("currency", "eur");
        as(managerToken).body(body).post("/api/v1/inventory").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("sleeve_condition", "price", "currency"))
                .body("detail", containsString("\"No Cover\""));

        body = copy(store, record);
        body.put("status", "sold");
        as(managerToken).body(body).post("/api/v1/inventory").then().statusCode(400)
                .body("errors.field", hasItem("status"));

        body = copy(store, record);
        body.put("price", "cheap");
        as(managerToken).body(body).post("/api/v1/inventory").then().statusCode(400)
                .body("errors.field", hasItem("price"));

        body = copy(store, record);
        body.remove("condition");
        body.remove("store_id");
        as(adminToken).body(body).post("/api/v1/inventory").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItems("condition", "store_id"));
        as(managerToken).body("{\"store_id\": ").post("/api/v1/inventory").then().statusCode(400);
        assertThat(copiesOf(store)).isZero();

        long id = as(managerToken).body(copy(store, record)).post("/api/v1/inventory").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        as(managerToken).body(Map.of("condition", "Mint")).patch("/api/v1/inventory/" + id).then()
                .statusCode(400).body("errors.field", hasItem("condition"));
        as(managerToken).body(Map.of("store_id", otherStore)).patch("/api/v1/inventory/" + id).then()
                .statusCode(400).body("errors.field", hasItem("store_id"));
        as(managerToken).body(Map.of("status", "gone", "price", 0)).patch("/api/v1/inventory/" + id).then()
                .statusCode(400).body("errors.field", org.hamcrest.Matchers.hasItems("status", "price"));
        as(managerToken).body(Map.of("price", 10)).patch("/api/v1/inventory/abc").then().statusCode(400);
        assertThat(TestDatabase.rows("select price from store_inventory where id = ?", id).get(0).get("price")
                .toString()).isEqualTo("24.50");
    }

    @Test
    void onlyActiveStoresKnownToTheCatalogChangeTheirInventory() {
        long suspended = InventoryFixtures.store("suspended", null);
        as(adminToken).body(copy(suspended, record)).post("/api/v1/inventory").then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("suspended"));
        long unknown = InventoryFixtures.newStoreId();
        as(adminToken).body(copy(unknown, record)).post("/api/v1/inventory").then().statusCode(400)
                .body("errors.field", hasItem("store_id"));
        assertThat(copiesOf(suspended) + copiesOf(unknown)).isZero();
    }

    @Test
    void changesSalesAndRemovalsAreAnnouncedWithTheirTypes() {
        long id;
        try (KafkaTail tail = tail()) {
            id = as(managerToken).body(copy(store, record)).post("/api/v1/inventory").then().statusCode(201)
                    .extract().jsonPath().getLong("id");
            as(managerToken).body(Map.of("price", 19.99, "comments", "price drop")).patch("/api/v1/inventory/" + id)
                    .then().statusCode(200).body("price", equalTo(19.99f)).body("comments", equalTo("price drop"));
            // the same values again change nothing and announce nothing
            as(managerToken).body(Map.of("price", 19.99)).patch("/api/v1/inventory/" + id).then().statusCode(200);
            as(managerToken).body(Map.of("status", "sold")).patch("/api/v1/inventory/" + id).then().statusCode(200)
                    .body("status", equalTo("sold")).body("sold_at", notNullValue());
            as(managerToken).delete("/api/v1/inventory/" + id).then().statusCode(204);
            as(managerToken).delete("/api/v1/inventory/" + id).then().statusCode(204);

            List<ConsumerRecord<String, byte[]>> events = announced(tail, id, 4);
            assertThat(events).extracting(InventoryApiTest::type).containsExactly(
                    EventType.INVENTORY_LISTED.type(), EventType.INVENTORY_CHANGED.type(),
                    EventType.INVENTORY_SOLD.type(), EventType.INVENTORY_REMOVED.type());
            long copy = id;
            assertThat(tail.drain(Duration.ofSeconds(2)).stream().filter(r -> String.valueOf(copy).equals(r.key())))
                    .hasSize(4);
        }
        Map<String, Object> row = TestDatabase.rows(
                "select status::text as status, sold_at from store_inventory where id = ?", id).get(0);
        assertThat(row).containsEntry("status", "removed").containsEntry("sold_at", null);
    }

    @Test
    void theCachedRecordPageFollowsItsCopies() {
        given().get("/api/v1/records/" + record).then().statusCode(200).body("in_stock", org.hamcrest.Matchers.empty());
        long id = as(managerToken).body(copy(store, record)).post("/api/v1/inventory").then().statusCode(201)
                .extract().jsonPath().getLong("id");
        assertThat(given().get("/api/v1/records/" + record).then().statusCode(200).extract().jsonPath()
                .getList("in_stock.inventory_id", Long.class)).containsExactly(id);
        as(managerToken).body(Map.of("status", "sold")).patch("/api/v1/inventory/" + id).then().statusCode(200);
        given().get("/api/v1/records/" + record).then().statusCode(200).body("in_stock", org.hamcrest.Matchers.empty());
    }

    @Test
    void draftsAreSeenOnlyByTheStoresManagersAndAdmins() {
        Map<String, Object> draft = copy(store, record);
        draft.put("status", "draft");
        long draftId = as(managerToken).body(draft).post("/api/v1/inventory").then().statusCode(201)
                .body("listed_at", nullValue()).extract().jsonPath().getLong("id");
        long activeId = as(managerToken).body(copy(store, record)).post("/api/v1/inventory").then().statusCode(201)
                .extract().jsonPath().getLong("id");

        given().get("/api/v1/inventory/" + draftId).then().statusCode(404);
        as(otherManagerToken).get("/api/v1/inventory/" + draftId).then().statusCode(404);
        as(managerToken).get("/api/v1/inventory/" + draftId).then().statusCode(200).body("status", equalTo("draft"));
        as(adminToken).get("/api/v1/inventory/" + draftId).then().statusCode(200);
        given().get("/api/v1/inventory/" + activeId).then().statusCode(200);

        assertThat(given().queryParam("store_id", store).get("/api/v1/inventory").then().statusCode(200)
                .extract().jsonPath().getList("items.id", Long.class)).containsExactly(activeId);
        assertThat(as(managerToken).queryParam("store_id", store).get("/api/v1/inventory").then().statusCode(200)
                .extract().jsonPath().getList("items.id", Long.class)).containsExactly(activeId, draftId);
        assertThat(given().auth().oauth2(adminToken).queryParam("store_id", store).queryParam("status", "draft")
                .get("/api/v1/inventory").then().statusCode(200).extract().jsonPath().getList("items.id", Long.class))
                .containsExactly(draftId);
        as(otherManagerToken).body(Map.of("price", 1)).patch("/api/v1/inventory/" + draftId).then().statusCode(404);
    }

    @Test
    void filtersAndCursorPages() {
        long cheap = create(Map.of("condition", "Good (G)", "price", 5));
        long mid = create(Map.of("condition", "Very Good Plus (VG+)", "price", 20));
        long dear = create(Map.of("condition", "Mint (M)", "price", 80));
        long otherRecord = InventoryFixtures.record("Josh Wink", "Profound Sounds Vol. 1");
        Map<String, Object> other = copy(store, otherRecord);
        long elsewhere = as(managerToken).body(other).post("/api/v1/inventory").then().statusCode(201)
                .extract().jsonPath().getLong("id");

        assertThat(ids(Map.of("store_id", store, "record_id", record))).containsExactly(dear, mid, cheap);
        assertThat(ids(Map.of("store_id", store, "min_price", "10", "max_price", "50"))).containsExactly(elsewhere,
                mid);
        assertThat(ids(Map.of("store_id", store, "condition", "Mint (M)"))).containsExactly(dear);
        assertThat(ids(Map.of("record_id", otherRecord))).containsExactly(elsewhere);

        JsonPath first = given().queryParams(Map.of("store_id", store, "limit", 2)).get("/api/v1/inventory")
                .then().statusCode(200).extract().jsonPath();
        assertThat(first.getList("items.id", Long.class)).containsExactly(elsewhere, dear);
        JsonPath second = given().queryParams(Map.of("store_id", store, "limit", 2,
                "cursor", first.getString("next_cursor"))).get("/api/v1/inventory").then().statusCode(200)
                .extract().jsonPath();
        assertThat(second.getList("items.id", Long.class)).containsExactly(mid, cheap);
        assertThat(second.getString("next_cursor")).isNull();

        given().queryParam("condition", "VG").get("/api/v1/inventory").then().statusCode(400)
                .body("errors.field", hasItem("condition"));
        given().queryParam("min_price", "x").get("/api/v1/inventory").then().statusCode(400)
                .body("errors.field", hasItem("min_price"));
        given().queryParams(Map.of("min_price", "9", "max_price", "1")).get("/api/v1/inventory").then()
                .statusCode(400).body("errors.field", hasItem("max_price"));
        given().queryParam("status", "lost").get("/api/v1/inventory").then().statusCode(400);
        given().queryParam("store_id", "-1").get("/api/v1/inventory").then().statusCode(400);
        given().queryParam("cursor", "%%%").get("/api/v1/inventory").then().statusCode(400);
        given().queryParam("limit", 1000).get("/api/v1/inventory").then().statusCode(400);
        given().get("/api/v1/inventory/" + Long.MAX_VALUE).then().statusCode(404);
    }

    private long create(Map<String, Object> fields) {
        Map<String, Object> body = copy(store, record);
        body.putAll(fields);
        return as(managerToken).body(body).post("/api/v1/inventory").then().statusCode(201).extract().jsonPath()
                .getLong("id");
    }

    private static List<Long> ids(Map<String, Object> query) {
        return given().queryParams(query).get("/api/v1/inventory").then().statusCode(200).extract().jsonPath()
                .getList("items.id", Long.class);
    }

    static Map<String, Object> copy(long storeId, long recordId) {
        Map<String, Object> body = new HashMap<>();
        body.put("store_id", storeId);
        body.put("record_id", recordId);
        body.put("condition", "Very Good Plus (VG+)");
        body.put("sleeve_condition", "Very Good (VG)");
        body.put("price", 24.5);
        body.put("currency", "EUR");
        body.put("comments", "light marks, plays fine");
        body.put("location", "Bin A3");
        return body;
    }

    private static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType("application/json");
    }

    private static long copiesOf(long storeId) {
        return TestDatabase.count("select count(*) from store_inventory where store_id = ?", storeId);
    }

    static KafkaTail tail() {
        return new KafkaTail(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                Topics.CATALOG_INVENTORY);
    }

    static List<ConsumerRecord<String, byte[]>> announced(KafkaTail tail, long id, int count) {
        return tail.await(r -> String.valueOf(id).equals(r.key()), count, Duration.ofSeconds(30));
    }

    static String type(ConsumerRecord<String, byte[]> record) {
        return new String(record.headers().lastHeader("ce_type").value(), StandardCharsets.UTF_8);
    }
}
