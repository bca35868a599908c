package io.rotation.matching;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.authz.AuthorizationMatrixContractTest;

/** matching-service's rows of docs/security/authorization-matrix.md. */
@QuarkusTest
@WithTestResource(RotationStack.class)
class AuthorizationMatrixTest extends AuthorizationMatrixContractTest {

    @Override
    protected String service() {
        return "matching-service";
    }
}
