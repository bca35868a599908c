package io.rotation.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A record shop's first day, through the gateway: the admin uploads the Discogs sample dump, a user
 * applies for a store and the admin activates it; identity's StoreChanged reaches catalog over
 * Kafka; the owner (with the store in a refreshed token) lists a copy, which shows on the record's
 * page and in GraphQL, while another user may not list in that store.
 */
class StoreInventoryFlowTest {

    @Test
    void anActivatedStoreListsACopyThatShowsOnTheRecordPage() throws Exception {
        String admin = Gateway.adminToken();
        long record = DiscogsSample.importAndFindStockholm(admin);

        Gateway.Listener owner = Gateway.newListener();
        String name = "shop-" + owner.username().toLowerCase();
        long store = Gateway.as(owner.token())
                .body(Map.of("name", "Shop " + name, "slug", name, "discogs_username", name))
                .post("/api/v1/stores").then().statusCode(201).extract().jsonPath().getLong("id");
        Gateway.as(admin).body(Map.of("status", "active")).patch("/api/v1/stores/" + store).then().statusCode(200);
        String ownerToken = Gateway.request().body(Map.of("refresh_token", owner.refreshToken()))
                .post("/api/v1/auth/refresh").then().statusCode(200).extract().path("access_token");

        Map<String, Object> copy = Map.of("store_id", store, "record_id", record,
                "condition", "Very Good Plus (VG+)", "sleeve_condition", "Very Good (VG)",
                "price", 24.5, "currency", "EUR");
        // catalog learns of the activation from Kafka: until then the store is not active there (409)
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> Gateway.as(ownerToken).body(copy).post("/api/v1/inventory").statusCode() == 201);

        // the gateway may serve a page up to two seconds old (catalog's Cache-Control, in nginx's whole seconds)
        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> assertThat(Gateway.request().get("/api/v1/records/" + record).then()
                        .statusCode(200).extract().jsonPath().getList("in_stock.store_id", Long.class)).contains(store));
        String query = "{ record(id: " + record + ") { title inStock { storeId price } } }";
        JsonPath graph = Gateway.request().body(Map.of("query", query)).post("/graphql").then().statusCode(200)
                .extract().jsonPath();
        assertThat(graph.getString("data.record.title")).isEqualTo("Stockholm");
        assertThat(graph.getList("data.record.inStock.storeId", Long.class)).contains(store);

        String stranger = Gateway.newListener().token();
        Gateway.as(stranger).body(copy).post("/api/v1/inventory").then().statusCode(403)
                .contentType("application/problem+json");
    }
}
