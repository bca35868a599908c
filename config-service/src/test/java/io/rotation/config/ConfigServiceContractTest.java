package io.rotation.config;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rotation.platform.testing.RotationStack;
import io.rotation.platform.testing.ServiceContractTest;

@QuarkusTest
@WithTestResource(RotationStack.class)
class ConfigServiceContractTest extends ServiceContractTest {
}
