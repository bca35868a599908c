package io.rotation.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A service run from its jar outside the dev and test profiles (as in production) without a database
 * password refuses to start and says which property to set. It is pointed at a port where no database
 * listens, so that without the check it would fail later, for another reason.
 */
class DatabasePasswordRequiredTest {

    @Test
    void aProductionServiceWithoutADatabasePasswordRefusesToStartNamingRotationDbPassword() throws Exception {
        try (ServiceProcess service = ServiceProcess.start("user-features-service", "no-db-password", Ports.free(),
                Map.of("rotation.db.port", String.valueOf(Ports.free()),
                        "rotation.kafka.bootstrap-servers", "127.0.0.1:" + Ports.free()),
                Set.of("ROTATION_DB_PASSWORD"))) {
            assertThat(service.process().waitFor(120, TimeUnit.SECONDS)).as("the service exits").isTrue();
            assertThat(service.process().exitValue()).isNotZero();
            assertThat(service.log()).contains("rotation.db.password");
        }
    }
}
