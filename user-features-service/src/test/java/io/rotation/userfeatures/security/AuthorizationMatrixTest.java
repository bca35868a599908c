package io.rotation.userfeatures.security;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.authz.AuthorizationMatrixContractTest;
import io.rotation.platform.testing.authz.MatrixFixture;
import io.rotation.platform.testing.authz.MintedPersonas;
import io.rotation.userfeatures.Library;

/**
 * user-features-service's rows of docs/security/authorization-matrix.md. Minted personas; the owner's
 * collections, report and export and the projected track and store are written straight into the schema.
 */
@QuarkusTest
@WithTestResource(RotationStack.class)
class AuthorizationMatrixTest extends AuthorizationMatrixContractTest {

    @Override
    protected String service() {
        return "user-features-service";
    }

    @Override
    protected MatrixFixture newFixture() {
        MintedPersonas personas = MintedPersonas.fresh();
        long owner = personas.id("owner_id");
        long track = Library.track(180);
        Library.store(personas.id("store_id"), "active");
        long publicCollection = Library.collection(owner, "Public " + track, true);
        long privateCollection = Library.collection(owner, "Private " + track, false);
        return personas.put("track_id", track)
                .put("public_collection_id", publicCollection)
                .put("private_collection_id", privateCollection)
                .put("item_id", Library.item(publicCollection, Library.track(200), 0))
                .put("feedback_id", Library.feedback(owner))
                .put("export_id", Library.export(owner));
    }
}
