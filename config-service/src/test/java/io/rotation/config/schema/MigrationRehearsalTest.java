package io.rotation.config.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rotation.platform.testing.MigrationRehearsal;
import io.rotation.platform.testing.RotationStack;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(RotationStack.class)
class MigrationRehearsalTest {

    @Test
    void migratesAnEmptyDatabaseAndThenHasNothingLeftToDo() {
        MigrationRehearsal.Outcome outcome = MigrationRehearsal.runTwice();
        assertThat(outcome.firstRun()).isGreaterThan(0);
        assertThat(outcome.secondRun()).isZero();
    }
}
