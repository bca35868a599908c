package io.rotation.platform.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Inherited by one {@code @QuarkusTest} per service: its changelog migrates an empty database, and a
 * second run on the result has nothing left to do.
 */
public abstract class MigrationRehearsalContractTest {

    @Test
    void migratesAnEmptyDatabaseAndThenHasNothingLeftToDo() {
        MigrationRehearsal.Outcome outcome = MigrationRehearsal.runTwice();
        assertThat(outcome.firstRun()).isGreaterThan(0);
        assertThat(outcome.secondRun()).isZero();
    }
}
