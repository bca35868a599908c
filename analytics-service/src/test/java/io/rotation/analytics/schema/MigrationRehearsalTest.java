package io.rotation.analytics.schema;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rotation.platform.testing.MigrationRehearsalContractTest;
import io.rotation.platform.testing.RotationStack;

@QuarkusTest
@WithTestResource(RotationStack.class)
class MigrationRehearsalTest extends MigrationRehearsalContractTest {
}
