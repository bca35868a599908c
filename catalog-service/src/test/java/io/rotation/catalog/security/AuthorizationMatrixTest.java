package io.rotation.catalog.security;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rotation.catalog.inventory.InventoryFixtures;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.TestDatabase;
import io.rotation.platform.testing.authz.AuthorizationMatrixContractTest;
import io.rotation.platform.testing.authz.MatrixFixture;
import io.rotation.platform.testing.authz.MintedPersonas;

/**
 * catalog-service's rows of docs/security/authorization-matrix.md. The manager's store is active in
 * catalog's store projection and holds a copy for sale and a draft; the other manager's store is
 * another one. Records, tracks, import and sync runs are written straight into the schema.
 */
@QuarkusTest
@WithTestResource(RotationStack.class)
class AuthorizationMatrixTest extends AuthorizationMatrixContractTest {

    @Override
    protected String service() {
        return "catalog-service";
    }

    @Override
    protected MatrixFixture newFixture() {
        MintedPersonas personas = MintedPersonas.fresh();
        long store = personas.id("store_id");
        TestDatabase.update("insert into stores (id, name, slug, status, changed_at) values (?, ?, ?, 'active', now())",
                store, "Matrix " + store, "matrix-" + store);
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
