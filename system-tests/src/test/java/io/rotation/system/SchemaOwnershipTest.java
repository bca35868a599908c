package io.rotation.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Ownership is enforced by the database: a service's role reaches its own schema and no other. */
class SchemaOwnershipTest {

    private static final String URL = System.getProperty("rotation.db.url", "jdbc:postgresql://127.0.0.1:5432/rotation");

    @Test
    void userFeaturesRoleIsRefusedOnIdentitysUsers() {
        assertThatThrownBy(() -> query("user_features_svc", "select count(*) from identity.users"))
                .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
    }

    @Test
    void analyticsRoleIsRefusedOnUserFeaturesPlays() {
        assertThatThrownBy(() -> query("analytics_svc", "select count(*) from user_features.play_history"))
                .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
    }

    @Test
    void identityRoleCannotCreateTablesInAnotherSchema() {
        assertThatThrownBy(() -> query("identity_svc", "create table analytics.intruder (x int)"))
                .isInstanceOf(SQLException.class).hasMessageContaining("permission denied");
    }

    @Test
    void eachRoleReadsItsOwnSchema() throws SQLException {
        assertThat(query("user_features_svc", "select count(*) from play_history")).isGreaterThanOrEqualTo(0);
        assertThat(query("identity_svc", "select count(*) from users")).isGreaterThanOrEqualTo(0);
        assertThat(query("analytics_svc", "select count(*) from usage_metrics")).isGreaterThanOrEqualTo(0);
    }

    private static long query(String role, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, role, role); Statement s = c.createStatement()) {
            boolean hasRows = s.execute(sql);
            if (!hasRows) {
                return 0;
            }
            try (ResultSet r = s.getResultSet()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
