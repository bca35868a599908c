package io.rotation.userfeatures.security;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.authz.AuthorizationMatrixContractTest;

/**
 * user-features-service's rows of docs/security/authorization-matrix.md. Its endpoints act on the caller's own
 * data (or are admin-only), so minted personas are all the fixture needs.
 */
@QuarkusTest
@WithTestResource(RotationStack.class)
class AuthorizationMatrixTest extends AuthorizationMatrixContractTest {

    @Override
    protected String service() {
        return "user-features-service";
    }
}
