package io.rotation.platform.partition;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rotation.platform.testsupport.ScratchSchema;
import io.vertx.mutiny.sqlclient.Pool;
import java.sql.Connection;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Start-up maintenance on several replicas at once: a race or a busy table never fails the boot. */
class PartitionMaintenanceTest {

    private ScratchSchema schema;
    private PartitionMaintenance maintenance;

    @BeforeEach
    void open() {
        schema = new ScratchSchema();
        schema.execute("create table readings (id bigint, taken_at timestamptz not null) partition by range (taken_at)");
        schema.execute("insert into time_partitioned_table (table_name, step, premake) values ('readings', interval '1 day', 2)");
        Pool pool = schema.pool(2);
        maintenance = new PartitionMaintenance(pool);
    }

    @AfterEach
    void close() {
        schema.close();
    }

    @Test
    void createsThePartitionsAhead() {
        assertThat(maintenance.maintain().await().atMost(Duration.ofSeconds(30))).isTrue();

        assertThat(partitions()).as("yesterday up to the day premake + 1 days ahead, and the default").isEqualTo(6);
    }

    @Test
    void skipsWhileAnotherReplicaMaintains() throws Exception {
        try (Connection other = schema.jdbc()) {
            other.setAutoCommit(false);
            other.createStatement().execute("select pg_advisory_xact_lock(hashtext(current_schema() || '.partitions'))");

            assertThat(maintenance.maintain().await().atMost(Duration.ofSeconds(30))).isFalse();
            other.rollback();
        }
        assertThat(partitions()).isZero();
    }

    @Test
    void givesUpOnABusyTableWithinTheLockTimeoutAndTheBootGoesOn() throws Exception {
        try (Connection other = schema.jdbc()) {
            other.setAutoCommit(false);
            other.createStatement().execute("lock table readings in access exclusive mode");
            long start = System.nanoTime();

            assertThatThrownBy(() -> maintenance.maintain().await().atMost(Duration.ofSeconds(30)))
                    .hasMessageContaining("lock timeout");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
            maintenance.atStartup(null);
            other.rollback();
        }
    }

    private long partitions() {
        return schema.count("select count(*) from pg_inherits where inhparent = to_regclass(?)", schema.name + ".readings");
    }
}
