package io.rotation.catalog.security;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rotation.catalog.inventory.DiscogsWireMock;
import io.rotation.catalog.inventory.InventoryFixtures;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.TestDatabase;
import io.rotation.platform.testing.authz.AuthorizationMatrixContractTest;
import io.rotation.platform.testing.authz.MatrixFixture;
import io.rotation.platform.testing.authz.MintedPersonas;
import org.junit.jupiter.api.BeforeEach;

/**
 * catalog-service's rows of docs/security/authorization-matrix.md. The manager's store is active in
 * catalog's store projection, has a Discogs username and holds a copy for sale and a draft; the other
 * manager's store is another one. Records, tracks, import and sync runs are written straight into the
 * schema. Discogs is WireMock with an empty inventory for every seller, so that a sync the matrix
 * allows is accepted and runs; an import reads a dump of the test import directory.
 */
@QuarkusTest
@WithTestResource(RotationStack.class)
@WithTestResource(DiscogsWireMock.class)
class AuthorizationMatrixTest extends AuthorizationMatrixContractTest {

    @DiscogsWireMock.Server
    WireMockServer discogs;

    @BeforeEach
    void discogsHasAnEmptyInventoryForEverySeller() {
        discogs.stubFor(get(urlPathMatching("/users/[^/]+/inventory")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"pagination\": {\"page\": 1, \"pages\": 1, \"per_page\": 100, \"items\": 0, "
                        + "\"urls\": {}}, \"listings\": []}")));
    }

    @Override
    protected String service() {
        return "catalog-service";
    }

    @Override
    protected MatrixFixture newFixture() {
        MintedPersonas personas = MintedPersonas.fresh();
        long store = personas.id("store_id");
        TestDatabase.update("insert into stores (id, name, slug, discogs_username, status, changed_at) "
                + "values (?, ?, ?, ?, 'active', now())", store, "Matrix " + store, "matrix-" + store, "matrix_" + store);
        TestDatabase.update("insert into stores (id, name, slug, status, changed_at) values (?, ?, ?, 'active', now())",
                personas.id("other_store_id"), "Other " + store, "other-" + store);
        long record = InventoryFixtures.record("Matrix Artist", "Matrix Title " + store);
        long track = id("insert into tracks (record_id, position, track_index, title) values (?, 'A1', 0, 'Side A') "
                + "returning id", record);
        personas.put("record_id", record).put("track_id", track)
                .put("inventory_id", copy(store, record, "active"))
                .put("draft_inventory_id", copy(store, record, "draft"))
                .put("import_id", id("insert into import_runs (source_path, status) values ('/matrix.xml.gz', 'completed') "
                        + "returning id"))
                .put("sync_id", id("insert into sync_runs (store_id, discogs_username, status) "
                        + "values (?, 'matrix', 'completed') returning id", store));
        return personas;
    }

    private static long copy(long store, long record, String status) {
        return id("insert into store_inventory (store_id, record_id, condition, price, status) "
                + "values (?, ?, 'Very Good Plus (VG+)', 20.00, ?::record_status) returning id", store, record, status);
    }

    private static long id(String sql, Object... params) {
        return ((Number) TestDatabase.rows(sql, params).get(0).get("id")).longValue();
    }
}
