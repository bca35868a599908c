package io.rotation.system;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

/**
 * The gateway keeps what a service marks cacheable (catalog's record pages, a second, which nginx counts in whole
 * seconds: under two) and nothing else.
 */
class GatewayCacheTest {

    @Test
    void servesARecordPageFromItsCacheWithinTheSecondCatalogAllows() throws Exception {
        long record = DiscogsSample.importAndFindStockholm(Gateway.adminToken());
        String page = "/api/v1/records/" + record;
        Thread.sleep(2_100); // whatever an earlier test left has expired (nginx counts whole seconds)

        Response first = Gateway.request().get(page);
        Response second = Gateway.request().get(page);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.header("X-Cache-Status")).isIn("MISS", "EXPIRED");
        assertThat(second.header("X-Cache-Status")).isEqualTo("HIT");
        assertThat(second.asByteArray()).isEqualTo(first.asByteArray());
        assertThat(second.header("X-Request-Id")).as("each answer has its own request id")
                .isNotBlank().isNotEqualTo(first.header("X-Request-Id"));

        Thread.sleep(2_100);
        assertThat(Gateway.request().get(page).header("X-Cache-Status")).as("two seconds later").isEqualTo("EXPIRED");
    }

    @Test
    void asksCatalogForEverySearch() {
        String search = "/api/v1/records?q=stockholm";
        Gateway.request().get(search).then().statusCode(200);
        assertThat(Gateway.request().get(search).header("X-Cache-Status")).isEqualTo("MISS");
    }
}
