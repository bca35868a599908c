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
    void eachRoleWorksInTheSchemaItOwns() throws SQLException {
        for (String[] role : new String[][] {{"user_features_svc", "user_features", "play_history"},
                {"identity_svc", "identity", "users"}, {"analytics_svc", "analytics", "usage_metrics"}}) {
            assertThat(text(role[0], "select current_schema()")).as(role[0]).isEqualTo(role[1]);
            assertThat(text(role[0], "select nspowner::regrole::text from pg_namespace where nspname = current_schema()"))
                    .as("%s owns %s", role[0], role[1]).isEqualTo(role[0]);
            assertThat(text(role[0], "select has_table_privilege(current_user, '" + role[2]
                    + "', 'select, insert, update, delete')::text")).as("%s writes %s", role[0], role[2])
                    .isEqualTo("true");
            assertThat(text(role[0], "select count(*)::text from pg_namespace n where n.nspname <> current_schema() "
                    + "and n.nspname in ('identity', 'catalog', 'matching', 'user_features', 'analytics', 'config') "
                    + "and has_schema_privilege(current_user, n.oid, 'create')")).as("%s creates only in its own schema",
                    role[0]).isEqualTo("0");
        }
    }

    private static String text(String role, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, role, role);
             Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getString(1);
        }
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
